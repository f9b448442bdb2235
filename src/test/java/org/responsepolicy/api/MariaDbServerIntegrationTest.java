package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.TestServer;

/** The whole server on the real MariaDB: evaluate, replay, conflict, look up, and what lands in the table. */
class MariaDbServerIntegrationTest {

    @Test
    void servesAndStoresDecisionsOnMariaDb() throws Exception {
        try (MariaDb db = MariaDb.createDatabase(); TestServer server = TestServer.start(db.config())) {
            Map<String, Object> mention = Map.of("id", "maria-1", "brand", "acme-bank", "channel", "facebook",
                    "text", "Moja karta 4111 1111 1111 1111 została zablokowana, skandal! Piszcie na ola.k@example.com",
                    "author", Map.of("displayName", "Ola Kowalczyk"));
            String decisionId = server.request().contentType(ContentType.JSON).body(mention)
                    .post("/v1/mentions/evaluate").then().statusCode(200)
                    .header("Idempotent-Replayed", "false").extract().path("decisionId");

            server.request().contentType(ContentType.JSON).body(mention).post("/v1/mentions/evaluate").then()
                    .statusCode(200).header("Idempotent-Replayed", "true").body("decisionId", equalTo(decisionId));
            server.request().contentType(ContentType.JSON)
                    .body(Map.of("id", "maria-1", "brand", "acme-bank", "channel", "facebook", "text", "inny tekst"))
                    .post("/v1/mentions/evaluate").then().statusCode(409);
            server.request().get("/v1/decisions/" + decisionId).then().statusCode(200)
                    .body("analysis.personalData.type", equalTo(java.util.List.of("payment_card", "email")));
            server.request().get("/health").then().statusCode(200).body("database", equalTo("UP"));

            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT masked_text, decision_json FROM decision WHERE decision_id = '"
                         + decisionId + "'")) {
                assertTrue(row.next());
                String stored = row.getString(1) + row.getString(2);
                assertFalse(stored.contains("4111 1111 1111 1111"), stored);
                assertFalse(stored.contains("ola.k@example.com"), stored);
                assertTrue(row.getString(1).contains("**** **** **** 1111"));
            }
        }
    }
}
