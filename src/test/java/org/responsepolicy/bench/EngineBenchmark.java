package org.responsepolicy.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.evaluation.Circumstances;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;

/**
 * Analysis and rules in process, without HTTP or a database: mentions per second on one thread for the
 * labelled mentions of 150–450 characters (typically about 300) in five languages, with the bundled rules.
 * Run: {@code bash bench/engine.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    /** One language, or "all" for the five mixed. */
    @Param({"all"})
    public String language;

    private RuleSet rules;
    private Evaluator evaluator;
    private List<MentionInput> mentions;
    private List<Analysis> analysed;
    private Instant now;
    private int next;

    @Setup
    public void load() throws IOException, org.responsepolicy.engine.RulesInvalidException {
        rules = RuleSetLoader.load(Path.of(System.getProperty("rps.rules", "rules")));
        evaluator = new Evaluator(Clock.systemUTC(), () -> "bench");
        now = Instant.now();
        mentions = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String lang : List.of("en", "pl", "uk", "ru", "hu")) {
            if (!language.equals("all") && !language.equals(lang)) {
                continue;
            }
            List<Map<String, Object>> set = yaml.readValue(
                    Files.readString(Path.of("src/test/resources/eval/" + lang + ".yaml")), new TypeReference<>() { });
            for (Map<String, Object> m : set) {
                String text = (String) m.get("text");
                if (text.length() >= 150 && text.length() <= 450) {
                    mentions.add(new MentionInput("m" + mentions.size(), "bench", "twitter", "public", text, null,
                            null, new MentionInput.Author("a" + mentions.size(), null, "Anna", 120L, false), null,
                            null, null));
                }
            }
        }
        analysed = mentions.stream().map(m -> evaluator.analyze(m, rules, null)).toList();
    }

    /** Language, personal data, sentiment, topics and intents of one mention. */
    @Benchmark
    public Analysis analysis() {
        return evaluator.analyze(mentions.get(next()), rules, null);
    }

    /** The rules and the reply for one already analysed mention. */
    @Benchmark
    public Decision rules() {
        int i = next();
        return evaluator.decide(mentions.get(i), analysed.get(i), rules, Circumstances.NONE, now, null);
    }

    /** Both: what one evaluation costs before HTTP and storage. */
    @Benchmark
    public Decision analysisAndRules() {
        MentionInput m = mentions.get(next());
        return evaluator.decide(m, evaluator.analyze(m, rules, null), rules, Circumstances.NONE, now, null);
    }

    private int next() {
        next = next + 1 == mentions.size() ? 0 : next + 1;
        return next;
    }
}
