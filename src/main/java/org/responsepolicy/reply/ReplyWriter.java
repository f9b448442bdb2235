package org.responsepolicy.reply;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Drafts replies from templates in the mention's language, addressing the author by name, naming the detected
 * issue, and choosing among several variants so customers do not all get the same canned text. The choice depends only on
 * the mention, so a replayed request gets the same draft. Falls back to English when the language has no
 * template. Immutable and thread-safe.
 */
public final class ReplyWriter {

    public static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, LanguageTemplates> byLanguage;

    public ReplyWriter(Map<String, LanguageTemplates> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * @param authorName how to address the author (first name or handle), or null
     * @param seed       anything stable for this mention (e.g. brand and mention id)
     * @param issues     ids of what the mention is about (topics, then intents), most important first
     * @return the draft, or null when no language has this template
     */
    public SuggestedReply write(String templateId, String language, String authorName, String seed, List<String> issues) {
        return write(templateId, language, authorName, seed, issues, null);
    }

    /**
     * @param personAnswersAt for {openAt}: when a person will answer, in the brand's time zone, or null
     */
    public SuggestedReply write(String templateId, String language, String authorName, String seed, List<String> issues,
                                ZonedDateTime personAnswersAt) {
        LanguageTemplates lang = byLanguage.get(language);
        if (lang == null || !lang.templates().containsKey(templateId)) {
            lang = byLanguage.get(FALLBACK_LANGUAGE);
            if (lang == null || !lang.templates().containsKey(templateId)) {
                return null;
            }
        }
        String name = authorName == null || authorName.isBlank() ? null : authorName.strip();
        List<String> greetings = name != null && !lang.namedGreetings().isEmpty()
                ? lang.namedGreetings() : lang.anonymousGreetings();
        String greeting = greetings.isEmpty() ? "" : pick(greetings, seed + "|greeting");
        String issue = issues.stream().map(lang.issues()::get).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> variants = lang.templates().get(templateId);
        if (issue == null) {
            // Without a known issue, only the variants that do not name one make sense.
            variants = variants.stream().filter(v -> !v.contains("{issue}")).toList();
        }
        String body = pick(variants, seed + "|" + templateId);
        String text = body.replace("{greeting}", greeting)
                .replace("{name}", name == null ? "" : name)
                .replace("{issue}", issue == null ? "" : issue)
                .replace("{openAt}", personAnswersAt == null ? "" : openAt(personAnswersAt, lang.language()));
        return new SuggestedReply(lang.language(), tidySpaces(text), templateId);
    }

    /**
     * An empty placeholder leaves spaces behind ("Hello , we…"): one space between words, none before , . ! ?,
     * none at the ends. One pass; two regular expressions here were a tenth of the rules' cost.
     */
    static String tidySpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && c != ',' && c != '.' && c != '!' && c != '?') {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    /** Languages with this template, for drafts written in every language (a pinned statement). */
    public List<String> languagesWith(String templateId) {
        return byLanguage.values().stream().filter(l -> l.templates().containsKey(templateId))
                .map(LanguageTemplates::language).sorted().toList();
    }

    /**
     * A date and time a customer reads without thinking, in their language and the brand's time zone:
     * "wtorek, 24 listopada 2026, 08:00 (czas środkowoeuropejski)".
     */
    static String openAt(ZonedDateTime t, String language) {
        return OPEN_AT.computeIfAbsent(language, l -> {
            Locale locale = Locale.forLanguageTag(l);
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        }).format(t) + ", " + OPEN_AT_TIME.computeIfAbsent(language, l ->
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.forLanguageTag(l))).format(t)
                + " (" + OPEN_AT_ZONE.computeIfAbsent(language, l ->
                DateTimeFormatter.ofPattern("vvvv", Locale.forLanguageTag(l))).format(t) + ")";
    }

    /** Formatters are immutable and costly to build: one of each per language. */
    private static final Map<String, DateTimeFormatter> OPEN_AT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> OPEN_AT_TIME = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> OPEN_AT_ZONE = new java.util.concurrent.ConcurrentHashMap<>();

    public boolean hasTemplate(String language, String templateId) {
        LanguageTemplates lang = byLanguage.get(language);
        return lang != null && lang.templates().containsKey(templateId);
    }

    private static String pick(List<String> variants, String seed) {
        return variants.get(Math.floorMod(Objects.hash(seed), variants.size()));
    }
}
