package org.responsepolicy.ruleset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.responsepolicy.analysis.MentionAnalyzer;
import org.responsepolicy.analysis.SentimentWords;
import org.responsepolicy.analysis.TermList;
import org.responsepolicy.brand.BrandDirectory;
import org.responsepolicy.engine.PolicyEngine;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.reply.LanguageTemplates;
import org.responsepolicy.reply.ReplyWriter;

/**
 * Loads a rules folder into a {@link RuleSet}: compiles {@code policies/*.drl}, reads the word lists in
 * {@code topics/}, {@code intents/}, {@code sentiment/} and the templates in {@code templates/}, and checks
 * they fit together. Reports every problem at once, each with file and line.
 */
public final class RuleSetLoader {

    private static final Pattern TEMPLATE_REFERENCE = Pattern.compile("(?:reply|setReplyTemplate)\\(\\s*\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> KNOWN_PLACEHOLDERS = Set.of("greeting", "name", "issue", "openAt");

    private RuleSetLoader() {
    }

    public static RuleSet load(Path folder) throws IOException, RulesInvalidException {
        return load(RuleFiles.read(folder));
    }

    public static RuleSet load(RuleFiles files) throws RulesInvalidException {
        List<RuleProblem> problems = new ArrayList<>();
        List<TermList> topics = termLists(files.under("topics/", ".yaml"), problems);
        List<TermList> intents = termLists(files.under("intents/", ".yaml"), problems);
        List<SentimentWords> sentiment = new ArrayList<>();
        Map<String, Double> emoji = new HashMap<>();
        List<String> sarcasmEmoji = new ArrayList<>();
        files.under("sentiment/", ".yaml").forEach((path, text) -> {
            if (path.endsWith("/emoji.yaml")) {
                EmojiFile f = YamlFiles.read(path, text, EmojiFile.class, problems);
                if (f != null) {
                    f.positive().forEach((e, w) -> emoji.put(e, Math.abs(w)));
                    f.negative().forEach((e, w) -> emoji.put(e, -Math.abs(w)));
                    sarcasmEmoji.addAll(f.sarcasm());
                }
            } else {
                SentimentWords w = YamlFiles.read(path, text, SentimentWords.class, problems);
                if (w != null) {
                    requireLanguage(path, w.language(), problems);
                    sentiment.add(w);
                }
            }
        });
        Map<String, LanguageTemplates> templates = replyTemplates(files.under("templates/", ".yaml"), problems);
        Map<String, String> drl = new java.util.TreeMap<>(files.withExtension(".drl"));
        // Decision tables saved from a spreadsheet as CSV ("*.drl.csv") compile beside the DRL.
        drl.putAll(files.withExtension(".drl.csv"));
        checkTemplateReferences(drl, templates, problems);
        BrandDirectory brands = BrandSettingsReader.read(files.under("brands/", ".yaml"), problems);

        // The rules compile on another core while the word lists are indexed here: the longer of the two,
        // not their sum (about a second at start-up and on every reload).
        java.util.concurrent.CompletableFuture<PolicyEngine> compiling = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return PolicyEngine.compile(drl, files.version());
                    } catch (RulesInvalidException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, task -> {
                    // Its own thread: the common pool may have a single worker, busy elsewhere.
                    Thread thread = new Thread(task, "rules-compile");
                    thread.setDaemon(true);
                    thread.start();
                });
        MentionAnalyzer analyzer = problems.isEmpty()
                ? new MentionAnalyzer(topics, intents, sentiment, emoji, sarcasmEmoji) : null;
        PolicyEngine engine = null;
        try {
            engine = compiling.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RulesInvalidException invalid) {
                problems.addAll(invalid.problems());
            } else if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            } else {
                throw e;
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesInvalidException(problems);
        }
        return new RuleSet(files.version(), List.copyOf(files.files().keySet()), engine, analyzer,
                new ReplyWriter(templates), brands);
    }

    private static List<TermList> termLists(Map<String, String> sources, List<RuleProblem> problems) {
        List<TermList> lists = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        sources.forEach((path, text) -> {
            TermList list = YamlFiles.read(path, text, TermList.class, problems);
            if (list == null) {
                return;
            }
            if (list.id() == null || list.id().isBlank()) {
                problems.add(new RuleProblem(path, 1, "missing 'id'"));
            } else if (!ids.add(list.id())) {
                problems.add(new RuleProblem(path, 1, "id '" + list.id() + "' is used by another file too"));
            }
            if (list.terms().isEmpty() && list.marks().isEmpty()) {
                problems.add(new RuleProblem(path, 1, "no 'terms' (words by language) and no 'marks'"));
            }
            list.terms().keySet().forEach(language -> requireLanguage(path, language, problems));
            lists.add(list);
        });
        return lists;
    }

    private static Map<String, LanguageTemplates> replyTemplates(Map<String, String> sources, List<RuleProblem> problems) {
        Map<String, LanguageTemplates> byLanguage = new HashMap<>();
        sources.forEach((path, text) -> {
            ReplyFile f = YamlFiles.read(path, text, ReplyFile.class, problems);
            if (f == null) {
                return;
            }
            requireLanguage(path, f.language(), problems);
            Greetings g = f.greeting() == null ? new Greetings(List.of(), List.of()) : f.greeting();
            LanguageTemplates lt = new LanguageTemplates(f.language(), g.named(), g.anonymous(), f.templates(), f.issues());
            lt.templates().forEach((id, variants) -> {
                if (variants == null || variants.isEmpty()) {
                    problems.add(new RuleProblem(path, lineOf(text, id + ":"), "template '" + id + "' has no variants"));
                    return;
                }
                if (variants.stream().allMatch(v -> v.contains("{issue}"))) {
                    problems.add(new RuleProblem(path, lineOf(text, id + ":"), "template '" + id
                            + "' needs at least one variant without {issue}, for mentions with no recognised issue"));
                }
                variants.forEach(v -> checkPlaceholders(path, text, v, problems));
            });
            g.named().forEach(v -> checkPlaceholders(path, text, v, problems));
            byLanguage.put(f.language(), lt);
        });
        if (!byLanguage.containsKey(ReplyWriter.FALLBACK_LANGUAGE)) {
            problems.add(new RuleProblem("templates/", 0, "templates/en.yaml is required: English is the fallback for every language"));
        }
        return byLanguage;
    }

    private static void checkPlaceholders(String path, String text, String variant, List<RuleProblem> problems) {
        Matcher m = PLACEHOLDER.matcher(variant);
        while (m.find()) {
            if (!KNOWN_PLACEHOLDERS.contains(m.group(1))) {
                problems.add(new RuleProblem(path, lineOf(text, variant.substring(0, Math.min(20, variant.length()))),
                        "unknown placeholder {" + m.group(1) + "}; use {greeting}, {name}, {issue} or {openAt}"));
            }
        }
    }

    /** A policy that names a template missing from the English fallback would draft nothing. */
    private static void checkTemplateReferences(Map<String, String> drl, Map<String, LanguageTemplates> templates,
                                                List<RuleProblem> problems) {
        LanguageTemplates fallback = templates.get(ReplyWriter.FALLBACK_LANGUAGE);
        if (fallback == null) {
            return;
        }
        drl.forEach((path, text) -> {
            Matcher m = TEMPLATE_REFERENCE.matcher(text);
            while (m.find()) {
                if (!fallback.templates().containsKey(m.group(1))) {
                    problems.add(new RuleProblem(path, lineAt(text, m.start()),
                            "reply template '" + m.group(1) + "' is not in templates/en.yaml"));
                }
            }
        });
    }

    private static void requireLanguage(String path, String language, List<RuleProblem> problems) {
        if (language == null || !language.matches("[a-z]{2}")) {
            problems.add(new RuleProblem(path, 0, "language must be a two-letter ISO 639-1 code, got '" + language + "'"));
        }
    }

    /** The line (from 1) of the first occurrence of {@code needle}, or 0 when it is not there. */
    static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        return i < 0 ? 0 : lineAt(text, i);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private record EmojiFile(Map<String, Double> positive, Map<String, Double> negative, List<String> sarcasm) {
        EmojiFile {
            positive = positive == null ? Map.of() : positive;
            negative = negative == null ? Map.of() : negative;
            sarcasm = sarcasm == null ? List.of() : sarcasm;
        }
    }

    private record Greetings(List<String> named, List<String> anonymous) {
        Greetings {
            named = named == null ? List.of() : named;
            anonymous = anonymous == null ? List.of() : anonymous;
        }
    }

    private record ReplyFile(String language, Greetings greeting, Map<String, List<String>> templates,
                             Map<String, String> issues) {
    }
}
