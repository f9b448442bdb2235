package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.support.TestServer;

/** Compliance staff change rules on a live server: checked, tested, swapped atomically, or refused. */
class RulesReloadIntegrationTest {

    @TempDir
    Path temp;

    private static Map<String, Object> mention(String text) {
        return Map.of("id", "reload-" + UUID.randomUUID(), "brand", "acme-bank", "channel", "twitter", "text", text);
    }

    private static void addEnglishTerm(Path rules, String topicFile, String term) throws Exception {
        Path file = rules.resolve("topics/" + topicFile);
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.replaceFirst("(?m)^  en:\\n", "  en:\n    - " + term + "\n"));
    }

    @Test
    void aNewKeywordTakesEffectWithoutARestart() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            String before = server.request().get("/v1/rules").then().statusCode(200).extract().path("version");
            server.request().contentType(ContentType.JSON).body(mention("Tell me about your zorblax plan"))
                    .post("/v1/mentions/evaluate").then().statusCode(200)
                    .body("analysis.topics.id", not(hasItem("credit")));

            addEnglishTerm(rules, "credit.yaml", "zorblax plan");
            String after = server.request().post("/v1/rules/reload").then().statusCode(200)
                    .body("result", equalTo("activated")).body("testsRun", greaterThan(100))
                    .extract().path("activeVersion");
            assertNotEquals(before, after);

            server.request().contentType(ContentType.JSON).body(mention("Tell me about your zorblax plan"))
                    .post("/v1/mentions/evaluate").then().statusCode(200)
                    .body("rulesetVersion", equalTo(after))
                    .body("analysis.topics.id", hasItem("credit"))
                    .body("actions.findAll { it.type == 'ESCALATE' }.queue", hasItem("compliance"));
            server.request().post("/v1/rules/reload").then().statusCode(200).body("result", equalTo("unchanged"));
        }
    }

    @Test
    void aSyntaxErrorIsRejectedWithFileAndLineWhileServingContinues() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            String active = server.request().get("/v1/rules").then().extract().path("version");
            Path drl = rules.resolve("policies/thank-advocates.drl");
            Files.writeString(drl, Files.readString(drl).replace("sentiment == \"positive\"", "sentiment = = \"positive\""));

            server.request().post("/v1/rules/reload").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("rules_rejected"))
                    .body("ruleProblems[0].file", equalTo("policies/thank-advocates.drl"))
                    .body("ruleProblems[0].line", greaterThan(0));
            server.request().get("/v1/rules/status").then().statusCode(200)
                    .body("activeVersion", equalTo(active))
                    .body("lastAttempt.result", equalTo("rejected"));
            server.request().contentType(ContentType.JSON).body(mention("Thank you, great service!"))
                    .post("/v1/mentions/evaluate").then().statusCode(200)
                    .body("rulesetVersion", equalTo(active)).body("actions.type", hasItem("THANK"));
        }
    }

    @Test
    void aChangeThatBreaksAPolicyTestIsRejectedNamingTheTest() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            Path drl = rules.resolve("policies/escalate-regulated.drl");
            Files.writeString(drl, Files.readString(drl).replace(".queue(\"fraud\")", ".queue(\"compliance\")"));
            List<String> messages = server.request().post("/v1/rules/reload").then().statusCode(422)
                    .body("code", equalTo("rules_rejected"))
                    .extract().jsonPath().getList("ruleProblems.message");
            assertTrue(messages.stream().anyMatch(m -> m.contains("policy test") && m.contains("fraud")), messages.toString());
        }
    }

    @Test
    void theServerNoticesChangedFilesByItself() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, true)) {
            String before = server.request().get("/v1/rules").then().extract().path("version");
            addEnglishTerm(rules, "insurance.yaml", "quuxshield cover");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String now = before;
            while (now.equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(200); // waiting for the file system to report the change, not for a duration
                now = server.request().get("/v1/rules/status").then().extract().path("activeVersion");
            }
            assertNotEquals(before, now, "the changed file was not picked up");
            server.request().get("/v1/rules/status").then().body("lastAttempt.trigger", equalTo("file-change"));
        }
    }

    @Test
    void reloadsGoodAndBrokenUnderContinuousLoadFailNoRequest() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                load.submit(() -> {
                    while (running.get()) {
                        int status = io.restassured.RestAssured.given().port(server.port()).baseUri("http://127.0.0.1")
                                .contentType(ContentType.JSON)
                                .body(mention("Terrible service, my transfer is late again and nobody answers!"))
                                .post("/v1/mentions/evaluate").statusCode();
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.add("HTTP " + status);
                        }
                    }
                });
            }
            Path drl = rules.resolve("policies/thank-advocates.drl");
            String good = Files.readString(drl);
            for (int round = 0; round < 3; round++) {
                addEnglishTerm(rules, "fees.yaml", "blorpfee" + round);
                server.request().post("/v1/rules/reload").then().statusCode(200).body("result", equalTo("activated"));
                Files.writeString(drl, good.replace("rule \"Thank", "rule Thank \"broken"));
                server.request().post("/v1/rules/reload").then().statusCode(422);
                Files.writeString(drl, good);
            }
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(List.of(), List.copyOf(failures));
            assertTrue(ok.get() > 20, "the load ran: " + ok.get() + " requests");
        }
    }

    @Test
    void everyActivatedVersionIsStoredAndCanBeActivatedAgainAfterTheFilesChanged() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            String first = server.request().get("/v1/rules").then().extract().path("version");
            addEnglishTerm(rules, "credit.yaml", "zorblax plan");
            String second = server.request().post("/v1/rules/reload").then().statusCode(200).extract().path("activeVersion");
            server.request().get("/v1/rules/versions").then().statusCode(200)
                    .body("activeVersion", equalTo(second))
                    .body("versions.version", equalTo(List.of(second, first)));

            server.request().post("/v1/rules/versions/" + first + "/activate").then().statusCode(200)
                    .body("result", equalTo("activated")).body("activeVersion", equalTo(first));
            // the files on disk still hold the keyword, but the rolled-back version does not know it
            server.request().contentType(ContentType.JSON).body(mention("Tell me about your zorblax plan"))
                    .post("/v1/mentions/evaluate").then().statusCode(200)
                    .body("rulesetVersion", equalTo(first)).body("analysis.topics.id", not(hasItem("credit")));
            server.request().get("/v1/rules/versions").then().body("versions[0].lastTrigger", equalTo("rollback"));
            server.request().post("/v1/rules/versions/nope/activate").then().statusCode(404)
                    .body("code", equalTo("version_not_found"));
        }
    }

    private static byte[] zip(Path folder) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes);
             java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new java.util.zip.ZipEntry("rules/" + folder.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void validatesAZippedCandidateWithoutActivatingIt() throws Exception {
        Path candidate = TestServer.copyOfBundledRules(temp.resolve("candidate"));
        try (TestServer server = TestServer.withH2()) {
            String active = server.request().get("/v1/rules").then().extract().path("version");
            server.request().contentType("application/zip").body(zip(candidate)).post("/v1/rules/validate").then()
                    .statusCode(200).body("valid", equalTo(true)).body("testsRun", greaterThan(100))
                    .body("coverage.untestedRules", equalTo(List.of()));

            Path drl = candidate.resolve("policies/thank-advocates.drl");
            Files.writeString(drl, Files.readString(drl).replace("sentiment == \"positive\"", "sentiment = = \"positive\""));
            server.request().contentType("application/zip").body(zip(candidate)).post("/v1/rules/validate").then()
                    .statusCode(200).body("valid", equalTo(false))
                    .body("problems[0].file", equalTo("policies/thank-advocates.drl"))
                    .body("problems[0].line", greaterThan(0));
            server.request().get("/v1/rules").then().body("version", equalTo(active));

            server.request().contentType("application/zip").body("not a zip".getBytes()).post("/v1/rules/validate")
                    .then().statusCode(400).body("code", equalTo("invalid_zip"));
        }
    }

    @Test
    void replaysStoredTrafficAgainstAnEditedFolderAndReportsTheDifferenceWithoutStoringAnything() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        try (TestServer server = TestServer.withRules(rules, false)) {
            for (String text : List.of("Can I refinance my mortgage with you?", "Thanks, great service!",
                    "My card 4111 1111 1111 1111 was charged twice, terrible!", "Kredyt we frankach znowu droższy, skandal")) {
                server.request().contentType(ContentType.JSON).body(mention(text)).post("/v1/mentions/evaluate")
                        .then().statusCode(200);
            }
            // an influencer's complaint: its P1 comes from the author's reach, which replay must still know
            server.request().contentType(ContentType.JSON)
                    .body(Map.of("id", "reload-" + UUID.randomUUID(), "brand", "acme-bank", "channel", "facebook",
                            "text", "Terrible bank, awful service, I am furious!", "author", Map.of("followers", 500000)))
                    .post("/v1/mentions/evaluate").then().statusCode(200);
            String active = server.request().get("/v1/rules").then().extract().path("version");
            int storedBefore = server.request().queryParam("brand", "acme-bank").queryParam("limit", 500)
                    .get("/v1/decisions").then().extract().jsonPath().getList("decisions").size();

            Path drl = rules.resolve("policies/escalate-regulated.drl");
            Files.writeString(drl, Files.readString(drl).replace(
                    ".queue(\"compliance\").priority(Priority.P2)",
                    ".queue(\"compliance\").priority(Priority.P1)"));

            io.restassured.path.json.JsonPath report = server.request().queryParam("since", "1h")
                    .post("/v1/rules/replay").then().statusCode(200).extract().jsonPath();
            assertEquals(5, report.getInt("mentions"));
            assertEquals(false, report.getBoolean("truncated"));
            assertEquals(2, report.getInt("changed"), report.prettify());
            assertEquals(2, report.getInt("priorityChanges['ESCALATE P2 → P1']"), report.prettify());
            assertEquals(Map.of(), report.getMap("removed"), "personal data found the first time still counts");
            assertEquals(2, report.getList("examples").size());

            server.request().get("/v1/rules").then().body("version", equalTo(active));
            int storedAfter = server.request().queryParam("brand", "acme-bank").queryParam("limit", 500)
                    .get("/v1/decisions").then().extract().jsonPath().getList("decisions").size();
            assertEquals(storedBefore, storedAfter);

            Files.writeString(drl, "rule broken");
            server.request().post("/v1/rules/replay").then().statusCode(422).body("code", equalTo("rules_rejected"))
                    .body("ruleProblems[0].file", equalTo("policies/escalate-regulated.drl"));
            server.request().queryParam("since", "yesterday-ish").post("/v1/rules/replay").then().statusCode(400);
        }
    }
}
