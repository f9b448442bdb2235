package org.responsepolicy.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.TestServer;

/**
 * What the console reads, on MariaDB: the dry run with located evidence, searching decisions, the overview's
 * counts, rule coverage, the caller, and the console's own files.
 */
class ConsoleApiIntegrationTest {

    private static MariaDb db;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        db = MariaDb.createDatabase();
        server = TestServer.start(db.config());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        db.close();
    }

    private static Map<String, Object> mention(String brand, String text) {
        Map<String, Object> m = new HashMap<>(Map.of("id", "c-" + UUID.randomUUID(), "brand", brand,
                "channel", "facebook", "text", text));
        m.put("author", Map.of("id", "author-" + UUID.randomUUID(), "displayName", "Anna"));
        return m;
    }

    private static JsonPath evaluate(Map<String, Object> mention) {
        return server.request().contentType(ContentType.JSON).body(mention).post("/v1/mentions/evaluate")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> maskedTexts(String query) {
        return server.request().get("/v1/decisions" + query).then().statusCode(200).extract().jsonPath()
                .getList("decisions.maskedText");
    }

    @Test
    void dryRunShowsTheMaskedCardAndTheWordsBehindEachFindingAndStoresNothing() {
        Map<String, Object> mention = mention("dry-bank",
                "Zablokowaliście mi kartę 4111 1111 1111 1111, skandal! Czy mogę dostać kredyt?");
        JsonPath result = server.request().contentType(ContentType.JSON).body(mention)
                .post("/v1/mentions/dry-run").then().statusCode(200).extract().jsonPath();

        String masked = result.getString("decision.maskedText");
        assertFalse(masked.contains("4111 1111 1111 1111"), masked);
        List<Map<String, Object>> highlights = result.getList("highlights");
        Map<String, Object> card = highlights.stream().filter(h -> h.get("kind").equals("personal_data"))
                .findFirst().orElseThrow();
        assertEquals("payment_card", card.get("label"));
        assertEquals(masked.substring((int) card.get("start"), (int) card.get("end")), card.get("text"));
        assertEquals("**** **** **** 1111", card.get("text"));
        assertTrue(highlights.stream().anyMatch(h -> h.get("label").equals("credit") && h.get("text").equals("kredyt")),
                highlights.toString());
        assertTrue(highlights.stream().anyMatch(h -> h.get("kind").equals("intent") && h.get("label").equals("complaint")),
                highlights.toString());
        // Nested, never crossing: the account problem "Zablokowaliście mi kartę" holds the card topic "kartę".
        Map<String, Object> account = highlights.stream().filter(h -> h.get("label").equals("account_issue"))
                .findFirst().orElseThrow();
        assertEquals("Zablokowaliście mi kartę", account.get("text"));
        assertTrue(highlights.indexOf(account) < highlights.indexOf(highlights.stream()
                .filter(h -> h.get("text").equals("kartę")).findFirst().orElseThrow()), "the outer span comes first");
        for (Map<String, Object> a : highlights) {
            for (Map<String, Object> b : highlights) {
                int as = (int) a.get("start"), ae = (int) a.get("end"), bs = (int) b.get("start"), be = (int) b.get("end");
                assertTrue(ae <= bs || be <= as || (as <= bs && be <= ae) || (bs <= as && ae <= be),
                        "apart or nested: " + a + " " + b);
            }
        }
        assertTrue(result.getList("decision.actions.reasons.policy").toString().contains("private-for-personal-data"));

        // Nothing stored: the same id is unknown, and evaluating it afterwards is not a replay.
        server.request().get("/v1/decisions?brand=dry-bank&mentionId=" + mention.get("id")).then().statusCode(200)
                .body("decisions", empty());
        server.request().contentType(ContentType.JSON).body(mention).post("/v1/mentions/evaluate")
                .then().statusCode(200).header("Idempotent-Replayed", "false");

        server.request().contentType(ContentType.JSON).body(Map.of("brand", "dry-bank", "channel", "facebook"))
                .post("/v1/mentions/dry-run").then().statusCode(400).body("type", containsString("invalid_mention"));
    }

    @Test
    void aStoredDecisionsExplanationLocatesItsEvidence() {
        String id = evaluate(mention("explain-bank", "Moja karta 4111 1111 1111 1111 nie działa, skandal!"))
                .getString("decisionId");
        JsonPath explained = server.request().get("/v1/decisions/" + id + "/explanation").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(id, explained.getString("decision.decisionId"));
        assertTrue(explained.getList("highlights.kind").contains("personal_data"));
        server.request().get("/v1/decisions/no-such-id/explanation").then().statusCode(404);
    }

    @Test
    void searchesDecisionsByBrandActionQueuePolicyAndTime() {
        String brand = "search-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(3600 * 24 * 30);
        evaluate(mention(brand, "Czy mogę dostać kredyt hipoteczny we frankach?"));  // escalated to compliance
        evaluate(mention(brand, "Dziękuję, świetna obsługa, polecam wszystkim!"));     // thanked
        evaluate(mention(brand, "Aplikacja nie działa od rana, skandal!"));            // answered publicly
        evaluate(mention("other-" + brand, "Czy mogę dostać kredyt hipoteczny we frankach?"));

        assertEquals(3, maskedTexts("?brand=" + brand).size());
        assertEquals(List.of("Czy mogę dostać kredyt hipoteczny we frankach?"),
                maskedTexts("?brand=" + brand + "&action=ESCALATE"));
        assertEquals(List.of("Czy mogę dostać kredyt hipoteczny we frankach?"),
                maskedTexts("?brand=" + brand + "&action=ESCALATE&queue=compliance"));
        assertEquals(List.of(), maskedTexts("?brand=" + brand + "&action=ESCALATE&queue=no-such-queue"),
                "the type and the queue belong to the same action");
        assertEquals(List.of("Dziękuję, świetna obsługa, polecam wszystkim!"),
                maskedTexts("?brand=" + brand + "&policy=thank-advocates"));
        assertTrue(maskedTexts("?action=ESCALATE&limit=500").size() >= 2, "every brand without 'brand'");
        assertEquals(3, maskedTexts("?brand=" + brand + "&from=" + before + "&to=" + Instant.now().plusSeconds(3600 * 24 * 30)).size());
        assertEquals(0, maskedTexts("?brand=" + brand + "&to=" + before).size());
        // An unencoded '+' offset arrives as a space and still means the offset.
        assertEquals(3, server.request().urlEncodingEnabled(false)
                .get("/v1/decisions?brand=" + brand + "&from=2020-01-01T00:00:00+01:00").then().statusCode(200)
                .extract().jsonPath().getList("decisions").size());

        server.request().get("/v1/decisions?action=ESCALATED").then().statusCode(400)
                .body("detail", containsString("ESCALATE"));
        server.request().get("/v1/decisions?from=yesterday").then().statusCode(400)
                .body("detail", containsString("'from'"));
        server.request().get("/v1/decisions?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z").then().statusCode(400);
        server.request().get("/v1/decisions?mentionId=123").then().statusCode(400)
                .body("detail", containsString("brand"));
    }

    @Test
    void theOverviewCountsMentionsNegativesActionsAndDeadlines() {
        String brand = "overview-" + UUID.randomUUID().toString().substring(0, 8);
        int actions = 0;
        actions += evaluate(mention(brand, "Aplikacja nie działa od rana, skandal!")).getList("actions").size();
        actions += evaluate(mention(brand, "Dziękuję, świetna obsługa, polecam wszystkim!")).getList("actions").size();
        actions += evaluate(mention(brand, "Czy mogę dostać kredyt hipoteczny we frankach?")).getList("actions").size();

        JsonPath week = server.request().get("/v1/overview?brand=" + brand).then().statusCode(200)
                .body("bucket", equalTo("day")).extract().jsonPath();
        assertEquals(3, week.getInt("mentions.total.sum()"));
        assertEquals(1, week.getInt("mentions.negative.sum()"));
        assertEquals(1, week.getInt("mentions.positive.sum()"));
        assertTrue(week.getList("mentions").size() >= 7, "every day of the week, empty ones too");
        assertEquals(actions, week.getInt("actionsByType.count.sum()"));
        assertEquals(actions, week.getInt("deadlines.passed") + week.getInt("deadlines.dueWithinHour")
                + week.getInt("deadlines.later") + week.getInt("deadlines.none"));
        assertTrue(week.getInt("deadlines.dueWithinHour") >= 1, "a negative is answered within the hour");
        assertTrue(week.getList("dueSoon.brand").stream().allMatch(brand::equals));
        assertTrue(week.getList("dueSoon.type").contains("RESPOND_PUBLICLY"), week.prettify());

        JsonPath day = server.request().get("/v1/overview?brand=" + brand + "&from="
                + Instant.now().minusSeconds(3600 * 24 * 30)).then().statusCode(200).extract().jsonPath();
        assertEquals("day", day.getString("bucket"));
        // The server's clock is fixed to a Wednesday morning; its last day holds the three mentions.
        String today = server.request().get("/v1/overview?brand=" + brand).then().extract().path("to");
        JsonPath hourly = server.request().get("/v1/overview?brand=" + brand + "&from="
                + Instant.parse(today).minusSeconds(6 * 3600) + "&to=" + today).then().statusCode(200)
                .body("bucket", equalTo("hour")).extract().jsonPath();
        assertEquals(3, hourly.getInt("mentions.total.sum()"));
        assertEquals(7, hourly.getList("mentions").size(), "six hours from a whole hour on: seven steps");

        // "The last 24 hours" by the server's clock (fixed to a Wednesday), not the caller's.
        server.request().get("/v1/overview?brand=" + brand + "&since=24h").then().statusCode(200)
                .body("bucket", equalTo("hour"))
                .body("mentions.total.sum()", equalTo(3));
        // Days where the reader lives: in Los Angeles (UTC-8 in November) a day starts at 08:00 UTC.
        JsonPath pacific = server.request().get("/v1/overview?brand=" + brand + "&timeZone=America/Los_Angeles")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(pacific.getList("mentions.start", String.class).stream().allMatch(t -> t.endsWith("T08:00:00Z")),
                pacific.getList("mentions.start").toString());
        assertEquals(3, pacific.getInt("mentions.total.sum()"));
        server.request().get("/v1/overview?timeZone=Mars/Olympus").then().statusCode(400)
                .body("detail", containsString("timeZone"));
        server.request().get("/v1/overview?since=yesterday").then().statusCode(400)
                .body("detail", containsString("'since'"));
        server.request().get("/v1/overview?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z").then().statusCode(400);
        server.request().get("/v1/overview?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").then().statusCode(400)
                .body("detail", containsString("400 days"));
    }

    @Test
    void erasingAnAuthorRemovesTheirDecisionsFromSearchAndCounts() throws Exception {
        String brand = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> mention = mention(brand, "Czy mogę dostać kredyt hipoteczny we frankach?");
        mention.put("author", Map.of("id", "to-erase"));
        String decisionId = evaluate(mention).getString("decisionId");
        assertEquals(1, maskedTexts("?brand=" + brand + "&action=ESCALATE").size());

        server.request().delete("/v1/authors/" + brand + "/to-erase").then().statusCode(200);

        assertEquals(0, maskedTexts("?brand=" + brand + "&action=ESCALATE").size());
        assertEquals(List.of(), server.request().get("/v1/overview?brand=" + brand).then().extract().jsonPath()
                .getList("actionsByType"));
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM decision_action WHERE decision_id = '" + decisionId + "'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the decision's action rows went with it");
        }
    }

    @Test
    void rulesNameTheirFilesAndCoverageIsReportedPerRegulation() {
        JsonPath rules = server.request().get("/v1/rules").then().statusCode(200).extract().jsonPath();
        List<String> files = rules.getList("rules.file");
        assertTrue(files.stream().allMatch(f -> f.startsWith("policies/")), files.toString());
        assertTrue(files.contains("policies/escalate-regulated.drl"));

        JsonPath coverage = server.request().get("/v1/rules/coverage").then().statusCode(200)
                .body("version", equalTo(rules.getString("version"))).body("testsFailed", equalTo(0))
                .extract().jsonPath();
        assertTrue(coverage.getInt("testsRun") > 50);
        List<Map<String, Object>> byRegulation = coverage.getList("coverage.byRegulation");
        assertFalse(byRegulation.isEmpty());
        for (Map<String, Object> r : byRegulation) {
            assertTrue(((List<?>) r.get("rules")).containsAll((List<?>) r.get("testedRules")), r.toString());
            assertTrue((int) r.get("cases") > 0, r + " (the bundled rules test every regulation)");
        }
    }

    @Test
    void theConsoleIsServedFromTheJarWithAStrictContentPolicy() {
        server.request().redirects().follow(false).get("/console").then().statusCode(308)
                .header("Location", equalTo("console/"));
        server.request().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("console.js"));
        String tag = server.request().get("/console/lib/chart.umd.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        // Browsers revalidate instead of keeping a library from an older release; unchanged costs a 304.
        RestAssured.given().port(server.port()).header("If-None-Match", tag).get("/console/lib/chart.umd.min.js")
                .then().statusCode(304);
        server.request().get("/console/console.css").then().statusCode(200).contentType(containsString("css"));
        server.request().get("/console/lib/pico.min.css").then().statusCode(200).contentType(containsString("css"));
        server.request().get("/console/secrets.txt").then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.given().port(server.port()).urlEncodingEnabled(false)
                .get("/console/..%2F..%2Fpom.xml").then().statusCode(404);
        RestAssured.given().port(server.port()).get("/console/lib/../../../pom.xml").then()
                .statusCode(not(equalTo(200)));
        server.request().get("/console/Console.JS").then().statusCode(404);
        server.request().get("/console/index.html.bak").then().statusCode(404);
    }

    @Test
    void theCallerIsTheOpenLoopbackAdminWithoutKeys() {
        server.request().get("/v1/me").then().statusCode(200).body("role", equalTo("admin"))
                .body("name", containsString("loopback")).body("$", not(hasItem("keyId")));
    }
}
