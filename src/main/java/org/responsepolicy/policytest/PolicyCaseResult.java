package org.responsepolicy.policytest;

import java.util.List;

/**
 * The outcome of one policy test case.
 *
 * @param failures what did not match, in words a rule author can act on; empty when the case passed
 * @param actual   a one-line summary of what the policies recommended
 * @param firedRules the rules that fired for this case (for coverage)
 */
public record PolicyCaseResult(PolicyCase testCase, List<String> failures, String actual,
                               java.util.Set<String> firedRules) {

    public boolean passed() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        String where = testCase.file() + ":" + testCase.line() + " \"" + testCase.name() + "\"";
        return passed() ? "PASS " + where
                : "FAIL " + where + "\n      " + String.join("\n      ", failures) + "\n      got: " + actual;
    }
}
