package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.responsepolicy.app.Json;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.policytest.PolicyCase;
import org.responsepolicy.policytest.PolicyCaseRunner;
import org.responsepolicy.policytest.PolicyCases;
import org.responsepolicy.ruleset.RuleFiles;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;

/**
 * Every policy case in rules/tests/ sent through the real server with REST Assured, each response checked
 * against the contract and the case's expectations. QA adds a case to a YAML file; no Java needed.
 */
class PolicyCasesOverHttpIntegrationTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.EPOCH);
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2(CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyPolicyCaseHoldsOverHttp() throws Exception {
        List<PolicyCase> cases = PolicyCases.read(RuleFiles.read(BundledRules.FOLDER));
        // A case that gives the author's history or an incident needs a database holding them: those are
        // checked over HTTP by TimeReachAndCrisisIntegrationTest with real history instead.
        return cases.stream().filter(c -> c.given() == null).map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.name(), () -> {
            CLOCK.set(OffsetDateTime.parse(c.at() == null ? PolicyCase.DEFAULT_TIME : c.at()).toInstant());
            Map<String, Object> body = new HashMap<>(c.mention());
            body.putIfAbsent("id", "qa-" + UUID.randomUUID());
            // A brand of its own per case: cases share one moment, and together they would look like a surge.
            body.putIfAbsent("brand", "qa-" + UUID.randomUUID());
            String json = server.request().contentType(ContentType.JSON).body(body).post("/v1/mentions/evaluate")
                    .then().statusCode(200).extract().asString();
            Decision d = Json.newMapper().readValue(json, Decision.class);
            List<String> failures = PolicyCaseRunner.check(c.expect(), d);
            assertTrue(failures.isEmpty(), c.file() + ":" + c.line() + " \"" + c.name() + "\"\n  "
                    + String.join("\n  ", failures) + "\n  got: " + PolicyCaseRunner.summary(d));
        }));
    }
}
