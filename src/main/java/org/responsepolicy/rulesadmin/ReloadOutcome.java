package org.responsepolicy.rulesadmin;

import java.time.Instant;
import java.util.List;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.policytest.PolicyCaseResult;

/**
 * What one reload attempt did.
 *
 * @param result      activated, unchanged (the files hash to the active version) or rejected
 * @param trigger     what asked for it: api, file-change, startup, rollback
 * @param version     the version that was built (active now unless rejected)
 * @param problems    why it was rejected: compile and file errors, and failing policy tests, each located
 * @param testsRun    policy test cases run against the candidate
 */
public record ReloadOutcome(String result, String trigger, Instant at, String version, String activeVersion,
                            List<RuleProblem> problems, int testsRun, int testsFailed) {

    public ReloadOutcome {
        problems = List.copyOf(problems);
    }

    public boolean rejected() {
        return "rejected".equals(result);
    }

    public static List<RuleProblem> asProblems(List<PolicyCaseResult> failures) {
        return failures.stream()
                .map(f -> new RuleProblem(f.testCase().file(), f.testCase().line(),
                        "policy test \"" + f.testCase().name() + "\" failed: " + String.join("; ", f.failures())
                                + " (got " + f.actual() + ")"))
                .toList();
    }
}
