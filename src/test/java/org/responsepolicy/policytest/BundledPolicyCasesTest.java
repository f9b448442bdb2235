package org.responsepolicy.policytest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.responsepolicy.app.Json;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.ruleset.RuleFiles;
import org.responsepolicy.support.BundledRules;

/** Every case in rules/tests/*.yaml, against the real rules. A failing case names its file and line. */
class BundledPolicyCasesTest {

    @TestFactory
    Stream<DynamicTest> everyPolicyCasePasses() throws Exception {
        List<PolicyCase> cases = PolicyCases.read(RuleFiles.read(BundledRules.FOLDER));
        assertFalse(cases.isEmpty(), "rules/tests/ holds no cases");
        PolicyCaseRunner runner = new PolicyCaseRunner(Json.newMapper());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.name(), () -> {
            PolicyCaseResult result = runner.run(List.of(c), BundledRules.get()).get(0);
            assertTrue(result.passed(), result::toString);
        }));
    }
}
