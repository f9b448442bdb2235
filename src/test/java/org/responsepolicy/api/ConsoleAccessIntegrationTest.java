package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.TestServer;

/** With API keys, the console's page is public but everything it shows is behind the key's role. */
class ConsoleAccessIntegrationTest {

    private static RequestSpecification as(TestServer server, String key) {
        return key == null ? server.request() : server.request().header("X-API-Key", key);
    }

    private static String createKey(TestServer server, String adminKey, String name, String role) {
        return as(server, adminKey).contentType(ContentType.JSON).body(Map.of("name", name, "role", role))
                .post("/v1/keys").then().statusCode(201).extract().path("secret");
    }

    @Test
    void eachRoleSeesOnlyItsPartOfTheConsole() throws Exception {
        try (TestServer server = TestServer.withH2()) {
            String admin = createKey(server, null, "ops", "admin");
            String crm = createKey(server, admin, "crm", "evaluate");
            String officer = createKey(server, admin, "officer", "compliance");
            Map<String, Object> mention = Map.of("id", "x-1", "brand", "acme-bank", "channel", "twitter",
                    "text", "Czy mogę dostać kredyt?");

            as(server, null).get("/console/").then().statusCode(200);
            as(server, null).get("/v1/me").then().statusCode(401);
            as(server, "rps_wrong").get("/v1/me").then().statusCode(401);

            as(server, crm).get("/v1/me").then().statusCode(200).body("role", equalTo("evaluate"))
                    .body("name", equalTo("crm"));
            as(server, crm).contentType(ContentType.JSON).body(mention).post("/v1/mentions/dry-run").then().statusCode(200);
            as(server, crm).get("/v1/overview").then().statusCode(403);
            as(server, crm).get("/v1/decisions").then().statusCode(403);
            as(server, crm).get("/v1/rules/coverage").then().statusCode(403);

            as(server, officer).get("/v1/me").then().statusCode(200).body("role", equalTo("compliance"));
            as(server, officer).contentType(ContentType.JSON).body(mention).post("/v1/mentions/dry-run").then().statusCode(200);
            as(server, officer).get("/v1/overview").then().statusCode(200);
            as(server, officer).get("/v1/rules/coverage").then().statusCode(200);
            as(server, officer).post("/v1/rules/reload").then().statusCode(403);

            as(server, admin).get("/v1/me").then().statusCode(200).body("role", equalTo("admin"));
        }
    }
}
