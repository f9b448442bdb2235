package org.responsepolicy.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.TcpProxy;
import org.responsepolicy.support.TestServer;

/** A database outage, a rule that throws and a rule that never settles: each fails cleanly and passes. */
class FaultsIntegrationTest {

    private static Map<String, Object> mention(String id, String text) {
        return Map.of("id", id, "brand", "acme-bank", "channel", "twitter", "text", text,
                "author", Map.of("id", "author-" + id));
    }

    @Test
    void aDatabaseOutageAnswers503WithRetryAfterWritesNothingAndRecoversByItself() throws Exception {
        var mariadb = MariaDb.serverAddress();
        try (MariaDb db = MariaDb.createDatabase();
             TcpProxy link = new TcpProxy(mariadb.getHostString(), mariadb.getPort());
             TestServer server = TestServer.start(db.configVia(link.port()))) {
            server.request().contentType(ContentType.JSON).body(mention("before", "Nie działa aplikacja, pomocy"))
                    .post("/v1/mentions/evaluate").then().statusCode(200);

            link.cut();
            String during = "during-" + UUID.randomUUID();
            Response down = server.request().contentType(ContentType.JSON)
                    .body(mention(during, "Karta zablokowana, nikt nie odbiera telefonu")).post("/v1/mentions/evaluate");
            down.then().statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("storage_unavailable")).body("errorId", notNullValue())
                    .header("Retry-After", notNullValue());
            assertTrue(Integer.parseInt(down.header("Retry-After")) > 0);
            // The probe looks every second.
            int health = 0;
            for (int attempt = 0; attempt < 20 && health != 503; attempt++) {
                health = server.request().get("/health").statusCode();
                Thread.sleep(health == 503 ? 0 : 250);
            }
            server.request().get("/health").then().statusCode(503).body("database", equalTo("DOWN"));
            // Known down: the next caller is turned away at once, not after the pool's 5 s connection timeout.
            long asked = System.nanoTime();
            server.request().contentType(ContentType.JSON).body(mention("during-2-" + UUID.randomUUID(), "Halo?"))
                    .post("/v1/mentions/evaluate").then().statusCode(503).header("Retry-After", notNullValue());
            assertTrue(System.nanoTime() - asked < java.time.Duration.ofSeconds(4).toNanos(),
                    "a 503 without waiting for the pool");
            // Reading decisions needs the database too: a 503, not a 500.
            server.request().get("/v1/decisions?brand=acme-bank").then().statusCode(503);

            link.restore();
            // The pool reconnects by itself; the client retries the same mention and gets one decision.
            Response again = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                again = server.request().contentType(ContentType.JSON)
                        .body(mention(during, "Karta zablokowana, nikt nie odbiera telefonu")).post("/v1/mentions/evaluate");
                if (again.statusCode() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(200, again.statusCode(), again.asString());
            server.request().get("/health").then().statusCode(200).body("database", equalTo("UP"));
            try (Connection c = db.connect()) {
                assertEquals(1, count(c, "select count(*) from decision where mention_id = ?", during));
                assertEquals(1, count(c, "select count(*) from mention_signal where issue = '' and mention_id = ?", during));
            }
        }
    }

    @Test
    void aRuleThatThrowsOrNeverSettlesFailsOnlyItsOwnEvaluation(@TempDir Path temp) throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        Files.writeString(rules.resolve("policies/broken-for-test.drl"), """
                package policies;
                import org.responsepolicy.engine.facts.*;

                rule "Breaks on a magic word"
                    @policy("broken-for-test") @description("throws when the text says kaboom")
                when
                    Mention( text.contains("kaboom") )
                then
                    throw new IllegalStateException("this rule is broken");
                end

                rule "Never settles"
                    @policy("broken-for-test") @description("keeps asking for more actions when the text says endless")
                when
                    Mention( text.contains("endless") )
                    Action( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                """);
        try (TestServer server = TestServer.withRules(rules, false)) {
            String id = "kaboom-" + UUID.randomUUID();
            Response failed = server.request().contentType(ContentType.JSON)
                    .body(mention(id, "kaboom, your app crashed")).post("/v1/mentions/evaluate");
            failed.then().statusCode(500).contentType("application/problem+json")
                    .body("type", containsString("rule_failed"))
                    .body("detail", containsString("Breaks on a magic word")).body("errorId", notNullValue());
            // Others carry on, and nothing was stored for the failed one: a retry fails the same way.
            server.request().contentType(ContentType.JSON).body(mention("ok-" + UUID.randomUUID(), "Dziękuję!"))
                    .post("/v1/mentions/evaluate").then().statusCode(200);
            server.request().get("/v1/decisions?brand=acme-bank&mentionId=" + id).then()
                    .body("decisions.size()", equalTo(0));
            server.request().contentType(ContentType.JSON).body(mention(id, "kaboom, your app crashed"))
                    .post("/v1/mentions/evaluate").then().statusCode(500);

            server.request().contentType(ContentType.JSON)
                    .body(mention("endless-" + UUID.randomUUID(), "endless problems with your app, it crashed"))
                    .post("/v1/mentions/evaluate").then().statusCode(500)
                    .body("type", containsString("evaluation_budget_exceeded"))
                    .body("detail", containsString("Never settles"));

            // In a batch, the failure is that item's alone.
            List<Map<String, Object>> items = server.request().contentType(ContentType.JSON)
                    .body(Map.of("mentions", List.of(mention("b1-" + UUID.randomUUID(), "Dziękuję za pomoc"),
                            mention("b2-" + UUID.randomUUID(), "kaboom again"),
                            mention("b3-" + UUID.randomUUID(), "Köszönöm szépen!"))))
                    .post("/v1/mentions/evaluate-batch").then().statusCode(200).extract().jsonPath().getList("results");
            assertEquals(3, items.size());
            assertTrue(items.get(0).containsKey("decision") && items.get(2).containsKey("decision"), items.toString());
            assertTrue(items.get(1).toString().contains("rule_failed"), items.get(1).toString());
            server.request().get("/health").then().statusCode(200);
        }
    }

    private static int count(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
