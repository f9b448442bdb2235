package org.responsepolicy.rulesadmin;

import java.util.List;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.policytest.Coverage;
import org.responsepolicy.policytest.PolicyCaseResult;
import org.responsepolicy.policytest.PolicyCaseRunner;
import org.responsepolicy.policytest.PolicyCases;
import org.responsepolicy.ruleset.RuleFiles;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;

/**
 * A rule set checked without activating it: compiled, and every policy test run against it.
 *
 * @param ruleSet  null when it did not compile
 * @param problems compile errors and failing tests, located; empty when it may be activated
 * @param coverage null when it did not compile
 */
public record Candidate(String version, RuleSet ruleSet, List<RuleProblem> problems, int testsRun, int testsFailed,
                        List<PolicyCaseResult> results, Coverage coverage) {

    public boolean valid() {
        return problems.isEmpty();
    }

    public static Candidate check(RuleFiles files, PolicyCaseRunner tests) {
        RuleSet candidate;
        try {
            candidate = RuleSetLoader.load(files);
        } catch (RulesInvalidException e) {
            return new Candidate(files.version(), null, e.problems(), 0, 0, List.of(), null);
        }
        try {
            List<PolicyCaseResult> results;
            try {
                results = tests.run(PolicyCases.read(files), candidate);
            } catch (RuntimeException e) {
                // A rule that loops or throws while the tests run: the candidate cannot serve either.
                return new Candidate(files.version(), null, List.of(new RuleProblem("policies/", 0,
                        "the rules fail while evaluating the policy tests: " + e.getMessage())), 0, 0, List.of(), null);
            }
            List<PolicyCaseResult> failed = results.stream().filter(r -> !r.passed()).toList();
            return new Candidate(files.version(), candidate, ReloadOutcome.asProblems(failed), results.size(),
                    failed.size(), results, Coverage.of(candidate.engine().rules(), results));
        } catch (RulesInvalidException e) {
            return new Candidate(files.version(), candidate, e.problems(), 0, 0, List.of(), null);
        }
    }
}
