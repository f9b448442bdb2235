package org.responsepolicy.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.policytest.PolicyCaseResult;
import org.responsepolicy.policytest.PolicyCaseRunner;
import org.responsepolicy.rulesadmin.Candidate;
import org.responsepolicy.ruleset.RuleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code validate} and {@code test}: check a rules folder from the command line, without a server. */
final class RulesCheckCommands {

    private RulesCheckCommands() {
    }

    static Candidate check(Path rules) throws java.io.IOException {
        PolicyCaseRunner runner = new PolicyCaseRunner(Json.newMapper());
        return Candidate.check(RuleFiles.read(rules), runner);
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile a rules folder and run its policy tests; print every problem with file and line. "
                    + "Exit 0 when it would be activated, 1 when not.")
    static final class Validate implements Callable<Integer> {

        @picocli.CommandLine.Mixin

        RulesFolderOption rulesFolder;

        @Override
        public Integer call() throws Exception {
            Candidate c = check(rulesFolder.rules);
            for (RuleProblem p : c.problems()) {
                System.out.println(p);
            }
            System.out.printf("version %s: %s (%d policy tests, %d failed)%n", c.version(),
                    c.valid() ? "valid" : c.problems().size() + " problem(s)", c.testsRun(), c.testsFailed());
            return c.valid() ? 0 : 1;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the policy tests in DIR/tests against the rules in DIR, showing expected against "
                    + "actual for each failure, and which rules and @regulation tags no test exercises. "
                    + "Exit 0 when all pass, 1 when not.")
    static final class Test implements Callable<Integer> {

        @picocli.CommandLine.Mixin

        RulesFolderOption rulesFolder;

        @Option(names = "--verbose", description = "Also list the passing cases.")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            Candidate c = check(rulesFolder.rules);
            if (c.ruleSet() == null) {
                c.problems().forEach(p -> System.out.println(p));
                System.out.println("The rules do not compile; no test ran.");
                return 1;
            }
            if (c.testsRun() == 0 && !c.problems().isEmpty()) {
                c.problems().forEach(p -> System.out.println(p));
                System.out.println("The policy tests could not be read; none ran.");
                return 1;
            }
            for (PolicyCaseResult r : c.results()) {
                if (verbose || !r.passed()) {
                    System.out.println(r);
                }
            }
            System.out.printf("%d passed, %d failed%n", c.testsRun() - c.testsFailed(), c.testsFailed());
            if (c.coverage() != null) {
                System.out.printf("Coverage: %d of %d rules exercised by a test%n",
                        c.coverage().rules() - c.coverage().untestedRules().size(), c.coverage().rules());
                c.coverage().untestedRules().forEach(r -> System.out.println("  untested rule: " + r));
                c.coverage().untestedRegulations().forEach(r -> System.out.println("  untested regulation: " + r));
            }
            return c.testsFailed() == 0 ? 0 : 1;
        }
    }
}
