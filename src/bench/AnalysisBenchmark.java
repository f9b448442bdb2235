import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.responsepolicy.analysis.MentionAnalyzer;
import org.responsepolicy.ruleset.RuleSetLoader;

/**
 * How long the whole analysis of one typical mention takes (language, personal data, sentiment, topics,
 * intents), per language, after warm-up. Mentions of 150–450 characters from the labelled set.
 * Run: bash src/bench/analysis.sh
 */
public class AnalysisBenchmark {
    public static void main(String[] args) throws Exception {
        MentionAnalyzer analyzer = RuleSetLoader.load(Path.of("rules")).analyzer();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, List<String>> texts = new java.util.TreeMap<>();
        for (String lang : List.of("en", "pl", "uk", "ru", "hu")) {
            List<Map<String, Object>> set = yaml.readValue(Files.readString(Path.of("src/test/resources/eval/" + lang + ".yaml")),
                    new TypeReference<>() { });
            List<String> typical = new ArrayList<>();
            for (Map<String, Object> m : set) {
                String t = (String) m.get("text");
                if (t.length() >= 150 && t.length() <= 450) {
                    typical.add(t);
                }
            }
            texts.put(lang, typical);
        }
        List<String> all = texts.values().stream().flatMap(List::stream).toList();
        long sink = 0;
        long warmUntil = System.nanoTime() + 20_000_000_000L; // 20 s: lingua, Morfologik and the JIT settle
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            sink += analyzer.analyze(all.get(i % all.size()), null, null).topics().size();
        }
        System.out.printf(Locale.ROOT, "%-5s %6s %8s %10s %10s %10s%n", "lang", "texts", "chars", "p50 µs", "p99 µs", "mean µs");
        for (Map.Entry<String, List<String>> e : texts.entrySet()) {
            List<String> ts = e.getValue();
            int n = 5_000;
            long[] ns = new long[n];
            for (int i = 0; i < n; i++) {
                String t = ts.get(i % ts.size());
                long start = System.nanoTime();
                sink += analyzer.analyze(t, null, null).intents().size();
                ns[i] = System.nanoTime() - start;
            }
            Arrays.sort(ns);
            double mean = Arrays.stream(ns).average().orElse(0) / 1000;
            double chars = ts.stream().mapToInt(String::length).average().orElse(0);
            System.out.printf(Locale.ROOT, "%-5s %6d %8.0f %10.1f %10.1f %10.1f%n", e.getKey(), ts.size(), chars,
                    ns[n / 2] / 1000.0, ns[n * 99 / 100] / 1000.0, mean);
        }
        System.out.println("(ignore) " + sink);
    }
}
