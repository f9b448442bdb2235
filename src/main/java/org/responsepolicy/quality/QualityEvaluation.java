package org.responsepolicy.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.ruleset.RuleSet;

/**
 * Runs a labelled evaluation set through the real analysis and policies and scores the result per language.
 * Nothing is stored; the caller's language and sentiment are not given, so detection is what is measured.
 */
public final class QualityEvaluation {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> SERVED = Set.of("en", "pl", "uk", "ru", "hu");

    private final Evaluator evaluator;

    public QualityEvaluation(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Reads every {@code <language>.yaml} in the folder. */
    public static Map<String, List<LabelledMention>> readSets(Path folder) throws IOException {
        Map<String, List<LabelledMention>> sets = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String language = f.getFileName().toString().replace(".yaml", "");
                sets.put(language, YAML.readValue(f.toFile(), new TypeReference<List<LabelledMention>>() { }));
            }
        }
        return sets;
    }

    public List<LanguageReport> run(Map<String, List<LabelledMention>> sets, RuleSet rules) {
        List<LanguageReport> reports = new ArrayList<>();
        sets.forEach((language, mentions) -> reports.add(score(language, mentions, rules)));
        return reports;
    }

    private LanguageReport score(String language, List<LabelledMention> mentions, RuleSet rules) {
        Score negative = Score.ZERO;
        Map<String, Score> personalData = new HashMap<>();
        Map<String, Score> topics = new HashMap<>();
        int languageCorrect = 0;
        int actionsExact = 0;
        List<String> mistakes = new ArrayList<>();
        for (LabelledMention m : mentions) {
            Decision d = evaluator.evaluate(new MentionInput(m.id(), "quality", m.channel() == null ? "other" : m.channel(),
                    m.visibility() == null ? "public" : m.visibility(), m.text(), null, null, null, null, null, null), rules);
            Decision.AnalysisView a = d.analysis();

            String detectedLanguage = SERVED.contains(a.language()) ? a.language() : "other";
            if (detectedLanguage.equals(m.expect().language())) {
                languageCorrect++;
            } else {
                mistakes.add(m.id() + " language: expected " + m.expect().language() + ", got " + a.language());
            }

            boolean expectedNegative = "negative".equals(m.expect().sentiment());
            boolean foundNegative = "negative".equals(a.sentiment().label());
            negative = negative.add(expectedNegative, foundNegative);
            if (expectedNegative != foundNegative) {
                mistakes.add(m.id() + " sentiment: expected " + m.expect().sentiment() + ", got " + a.sentiment().label()
                        + " " + a.sentiment().score() + " | " + m.text());
            }

            scorePersonalData(m, a, personalData, mistakes);

            Set<String> foundTopics = new HashSet<>();
            a.topics().stream().filter(Decision.TopicView::regulated).forEach(t -> foundTopics.add(t.id()));
            Set<String> allTopics = new TreeSet<>(foundTopics);
            allTopics.addAll(m.expect().topics());
            for (String topic : allTopics) {
                boolean expected = m.expect().topics().contains(topic);
                boolean found = foundTopics.contains(topic);
                topics.merge(topic, Score.ZERO.add(expected, found), Score::plus);
                if (expected != found) {
                    mistakes.add(m.id() + " topic " + topic + (expected ? " missed" : " false alarm")
                            + evidence(a, topic) + " | " + m.text());
                }
            }

            Set<String> actions = new TreeSet<>();
            d.actions().forEach(x -> actions.add(x.type()));
            if (actions.equals(new TreeSet<>(m.expect().actions()))) {
                actionsExact++;
            } else {
                mistakes.add(m.id() + " actions: expected " + new TreeSet<>(m.expect().actions()) + ", got " + actions);
            }
        }
        return new LanguageReport(language, mentions.size(), negative, personalData, topics, languageCorrect,
                actionsExact, mistakes);
    }

    private static String evidence(Decision.AnalysisView a, String topic) {
        return a.topics().stream().filter(t -> t.id().equals(topic)).findFirst()
                .map(t -> " (matched " + t.evidence() + ")").orElse("");
    }

    /** Per occurrence: a detection counts when it has the labelled type and overlaps the labelled value. */
    private static void scorePersonalData(LabelledMention m, Decision.AnalysisView a, Map<String, Score> scores,
                                          List<String> mistakes) {
        List<int[]> expectedSpans = new ArrayList<>();
        int from = 0;
        for (LabelledMention.Item item : m.expect().personalData()) {
            int at = m.text().indexOf(item.value(), 0);
            expectedSpans.add(new int[] {at, at < 0 ? -1 : at + item.value().length()});
        }
        boolean[] matchedExpected = new boolean[expectedSpans.size()];
        for (Decision.PersonalDataView found : a.personalData()) {
            int hit = -1;
            for (int i = 0; i < expectedSpans.size(); i++) {
                int[] span = expectedSpans.get(i);
                if (!matchedExpected[i] && m.expect().personalData().get(i).type().equals(found.type())
                        && found.start() < span[1] && span[0] < found.end()) {
                    hit = i;
                    break;
                }
            }
            if (hit >= 0) {
                matchedExpected[hit] = true;
                scores.merge(found.type(), new Score(1, 0, 0), Score::plus);
            } else {
                scores.merge(found.type(), new Score(0, 1, 0), Score::plus);
                mistakes.add(m.id() + " personal data false alarm: " + found.type() + " "
                        + m.text().substring(found.start(), found.end()));
            }
        }
        for (int i = 0; i < matchedExpected.length; i++) {
            if (!matchedExpected[i]) {
                LabelledMention.Item item = m.expect().personalData().get(i);
                scores.merge(item.type(), new Score(0, 0, 1), Score::plus);
                mistakes.add(m.id() + " personal data missed: " + item.type() + " " + item.value());
            }
        }
    }
}
