package org.responsepolicy.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.quality.LanguageReport;
import org.responsepolicy.quality.QualityEvaluation;
import org.responsepolicy.quality.QualityTable;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quality}: scores the analysis against the labelled evaluation set and checks the targets. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Print per-language precision and recall of the analysis on a labelled evaluation set; "
                + "exit 1 if any figure is below its target.")
final class QualityCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin

    RulesFolderOption rulesFolder;

    @Option(names = "--eval", paramLabel = "DIR", defaultValue = "src/test/resources/eval",
            description = "Folder of labelled <language>.yaml files (default ${DEFAULT-VALUE}).")
    Path eval;

    @Option(names = "--mistakes", description = "Also list every wrong label, to tune the word lists.")
    boolean mistakes;

    @Override
    public Integer call() throws Exception {
        RuleSet ruleSet;
        try {
            ruleSet = RuleSetLoader.load(rulesFolder.rules);
        } catch (RulesInvalidException e) {
            System.err.println("The rules in " + rulesFolder.rules.toAbsolutePath() + " have errors:");
            e.problems().stream().map(RuleProblem::toString).forEach(p -> System.err.println("  " + p));
            return 3;
        }
        var sets = QualityEvaluation.readSets(eval);
        if (sets.isEmpty()) {
            System.err.println("error: no labelled <language>.yaml files in " + eval.toAbsolutePath());
            return 2;
        }
        List<LanguageReport> reports = new QualityEvaluation(new Evaluator(Clock.systemUTC(), () -> "quality"))
                .run(sets, ruleSet);
        System.out.println(QualityTable.render(reports));
        if (mistakes) {
            reports.forEach(r -> r.mistakes().forEach(m -> System.out.println("  " + m)));
        }
        List<String> watch = reports.stream().flatMap(r -> r.topicsToWatch().stream()).toList();
        if (!watch.isEmpty()) {
            System.out.println("Single topics below 0.95 recall (few examples each; the target is per language):");
            watch.forEach(w -> System.out.println("  " + w));
        }
        List<String> shortfalls = reports.stream().flatMap(r -> r.shortfalls().stream()).toList();
        if (shortfalls.isEmpty()) {
            System.out.println("Every language meets every target.");
            return 0;
        }
        System.out.println("Below target:");
        shortfalls.forEach(s -> System.out.println("  " + s));
        return 1;
    }
}
