package org.responsepolicy.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.support.BundledRules;

/**
 * The analysis measured on the labelled evaluation set (src/test/resources/eval). The build fails when a
 * figure drops below its target — or, where the target is not reached yet, below the floor recorded in
 * quality-floors.yaml, so nobody can regress it silently. Floors may only go up.
 */
class AnalysisQualityTest {

    @Test
    void meetsTheQualityTargetsOrAtLeastTheRecordedFloorsInEveryLanguage() throws Exception {
        List<LanguageReport> reports = new QualityEvaluation(new Evaluator(Clock.systemUTC(), () -> "quality"))
                .run(QualityEvaluation.readSets(Path.of("src/test/resources/eval")), BundledRules.get());
        System.out.println(QualityTable.render(reports));
        Map<String, Map<String, Double>> floors;
        try (InputStream in = getClass().getResourceAsStream("/quality-floors.yaml")) {
            floors = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
        List<String> failures = new ArrayList<>();
        for (LanguageReport r : reports) {
            String l = r.language();
            check(failures, l, "negativePrecision", r.negative().precision(), Targets.NEGATIVE_PRECISION, floors);
            check(failures, l, "negativeRecall", r.negative().recall(), Targets.NEGATIVE_RECALL, floors);
            check(failures, l, "regulatedTopicPrecision", r.allRegulatedTopics().precision(),
                    Targets.REGULATED_TOPIC_PRECISION, floors);
            check(failures, l, "regulatedTopicRecall", r.allRegulatedTopics().recall(), Targets.REGULATED_TOPIC_RECALL, floors);
            r.personalData().forEach((type, s) -> {
                check(failures, l, type + "Precision", s.precision(), Targets.PERSONAL_DATA_PRECISION, Map.of());
                check(failures, l, type + "Recall", s.recall(), Targets.PERSONAL_DATA_RECALL, Map.of());
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, String language, String figure, double value, double target,
                              Map<String, Map<String, Double>> floors) {
        double required = Math.min(target, floors.getOrDefault(figure, Map.of()).getOrDefault(language, target));
        if (value + 1e-9 < required) {
            failures.add(String.format(Locale.ROOT, "%s %s = %.3f, below %s %.2f", language, figure, value,
                    required < target ? "the recorded floor" : "the target", required));
        }
    }
}
