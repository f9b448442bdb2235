package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.support.TestServer;
import picocli.CommandLine;

/** {@code test} and {@code validate} from the command line: readable output and an exit code CI can use. */
class RulesCheckCommandsTest {

    @TempDir
    Path temp;

    private record Run(int exit, String output) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void testCommandPassesTheBundledRulesWithFullCoverage() {
        Run r = run("test", "--rules", "rules");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("0 failed"), r.output());
        assertTrue(r.output().matches("(?s).*Coverage: (\\d+) of \\1 rules.*"), r.output());
    }

    @Test
    void testCommandShowsExpectedAgainstActualAndFailsTheExitCode() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        Path drl = rules.resolve("policies/escalate-regulated.drl");
        Files.writeString(drl, Files.readString(drl).replace(".queue(\"fraud\")", ".queue(\"compliance\")"));
        Run r = run("test", "--rules", rules.toString());
        assertEquals(1, r.exit());
        assertTrue(r.output().contains("FAIL tests/escalate-regulated.yaml:"), r.output());
        assertTrue(r.output().contains("expected action ESCALATE queue=fraud"), r.output());
        assertTrue(r.output().contains("got: "), r.output());
    }

    @Test
    void validateCommandReportsFileAndLineOfASyntaxError() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        Path drl = rules.resolve("policies/thank-advocates.drl");
        Files.writeString(drl, Files.readString(drl).replace("sentiment == \"positive\"", "sentiment = = \"positive\""));
        Run r = run("validate", "--rules", rules.toString());
        assertEquals(1, r.exit());
        assertTrue(r.output().matches("(?s).*policies/thank-advocates\\.drl:\\d+: .*"), r.output());
        assertEquals(0, run("validate", "--rules", "rules").exit());
    }

    @Test
    void replayCommandReportsWhatAChangedFolderWouldDoToStoredMentions() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        Path data = temp.resolve("data");
        // Evaluated on a staffed Wednesday morning, so no after-hours routing muddies the comparison.
        java.time.Instant wednesday = java.time.Instant.parse("2026-11-18T09:00:00Z");
        try (App app = App.start(new ServerConfig("127.0.0.1", 0, rules,
                org.responsepolicy.store.DatabaseConfig.embedded(data), false),
                java.time.Clock.fixed(wednesday, java.time.ZoneOffset.UTC), () -> java.util.UUID.randomUUID().toString())) {
            for (String text : new String[] {"Can I refinance my mortgage with you?", "Thanks, great service!"}) {
                io.restassured.RestAssured.given().port(app.port()).contentType("application/json")
                        .body(java.util.Map.of("id", java.util.UUID.randomUUID().toString(), "brand", "acme",
                                "channel", "forum", "text", text))
                        .post("/v1/mentions/evaluate").then().statusCode(200);
            }
        }
        Path drl = rules.resolve("policies/escalate-regulated.drl");
        Files.writeString(drl, Files.readString(drl).replace(
                ".queue(\"compliance\").priority(Priority.P2)",
                ".queue(\"compliance\").priority(Priority.P1)"));
        Run r = run("replay", "--rules", rules.toString(), "--since", wednesday.minusSeconds(60).toString(),
                "--data-dir", data.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Replayed 2 mentions"), r.output());
        assertTrue(r.output().contains("1 would change"), r.output());
        assertTrue(r.output().contains("priority ESCALATE P2 → P1: 1"), r.output());
    }

    @Test
    void qualityCommandPrintsTheTablePerLanguageAndPassesTheBundledRules() {
        Run r = run("quality", "--rules", "rules");
        assertEquals(0, r.exit(), r.output());
        for (String language : new String[] {"| en |", "| pl |", "| uk |", "| ru |", "| hu |"}) {
            assertTrue(r.output().contains(language), language + " in\n" + r.output());
        }
        assertTrue(r.output().contains("Every language meets every target."), r.output());
    }
}
