package org.responsepolicy.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.app.App;
import org.responsepolicy.app.Main;
import org.responsepolicy.app.ServerConfig;
import org.responsepolicy.store.DatabaseConfig;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.TestServer;
import picocli.CommandLine;

/** API keys, roles, rate limits, the audit trail and HTTPS, against the real server (keys in MariaDB). */
class AccessControlIntegrationTest {

    private static Map<String, Object> mention(String text) {
        return Map.of("id", "ac-" + UUID.randomUUID(), "brand", "acme-bank", "channel", "twitter", "text", text,
                "author", Map.of("id", "a-1", "followers", 10));
    }

    private static RequestSpecification as(TestServer server, String key) {
        RequestSpecification r = server.request();
        return key == null ? r : r.header("Authorization", "Bearer " + key);
    }

    private static String createKey(TestServer server, String adminKey, String name, String role, Integer rate) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "role", role));
        if (rate != null) {
            body.put("rateLimit", rate);
        }
        return as(server, adminKey).contentType(ContentType.JSON).body(body).post("/v1/keys")
                .then().statusCode(201).body("key.role", equalTo(role)).extract().path("secret");
    }

    @Test
    void keysRolesAndRateLimitsGuardEveryEndpoint() throws Exception {
        try (MariaDb db = MariaDb.createDatabase(); TestServer server = TestServer.start(db.config())) {
            // No key exists yet: open, on loopback only.
            as(server, null).contentType(ContentType.JSON).body(mention("Dziękuję za szybką pomoc!"))
                    .post("/v1/mentions/evaluate").then().statusCode(200);
            String admin = createKey(server, null, "ops", "admin", null);
            assertTrue(admin.startsWith("rps_") && admin.length() > 40, admin);

            // From the first key on, every request needs one.
            Response anonymous = as(server, null).contentType(ContentType.JSON).body(mention("Hello"))
                    .post("/v1/mentions/evaluate");
            anonymous.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", containsString("unauthenticated"));
            as(server, "rps_not-a-real-key").get("/v1/decisions?brand=acme-bank").then().statusCode(401)
                    .body("detail", containsString("not valid"));
            server.request().header("X-API-Key", admin).get("/v1/audit").then().statusCode(200);

            String crm = createKey(server, admin, "crm-prod", "evaluate", 5);
            String auditor = createKey(server, admin, "compliance-team", "compliance", null);

            // evaluate: mentions and incidents only
            as(server, crm).contentType(ContentType.JSON).body(mention("My card was blocked again, unacceptable"))
                    .post("/v1/mentions/evaluate").then().statusCode(200);
            as(server, crm).get("/v1/decisions?brand=acme-bank").then().statusCode(403)
                    .contentType("application/problem+json").body("type", containsString("forbidden"))
                    .body("detail", containsString("crm-prod"));
            as(server, crm).post("/v1/rules/reload").then().statusCode(403);
            as(server, crm).get("/v1/keys").then().statusCode(403);

            // compliance: reads rules, decisions, audit; changes nothing
            as(server, auditor).get("/v1/decisions?brand=acme-bank").then().statusCode(200);
            as(server, auditor).get("/v1/rules").then().statusCode(200);
            as(server, auditor).contentType(ContentType.JSON).body(mention("Hi")).post("/v1/mentions/evaluate")
                    .then().statusCode(403);
            as(server, auditor).post("/v1/rules/reload").then().statusCode(403);
            as(server, auditor).delete("/v1/authors/acme-bank/a-1").then().statusCode(403);

            // admin: everything, and it is audited
            as(server, admin).post("/v1/rules/reload").then().statusCode(200);
            as(server, admin).contentType(ContentType.JSON).body(mention("Thanks!")).post("/v1/mentions/evaluate")
                    .then().statusCode(200);
            Response audit = as(server, auditor).get("/v1/audit?limit=50");
            audit.then().statusCode(200)
                    .body("entries.action", hasItem("key.create"))
                    .body("entries.action", hasItem("rules.reload"))
                    .body("entries.find { it.action == 'rules.reload' }.actor", containsString("ops"));
            for (String secret : List.of(admin, crm, auditor)) {
                assertFalse(audit.asString().contains(secret), "the audit trail must not hold a secret");
            }

            // Health and the contract stay public.
            RestAssured.given().port(server.port()).get("/health").then().statusCode(200);
            RestAssured.given().port(server.port()).get("/openapi.yaml").then().statusCode(200);

            // Rate limit: 5 per second for the CRM key.
            List<Integer> statuses = new ArrayList<>();
            Response limited = null;
            for (int i = 0; i < 20; i++) {
                Response r = as(server, crm).get("/v1/incidents");
                statuses.add(r.statusCode());
                if (r.statusCode() == 429 && limited == null) {
                    limited = r;
                }
            }
            assertTrue(statuses.contains(200) && limited != null, statuses.toString());
            limited.then().contentType("application/problem+json").body("type", containsString("rate_limited"))
                    .header("Retry-After", notNullValue());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
            // Other keys have their own buckets.
            as(server, auditor).get("/v1/incidents").then().statusCode(200);

            // Only hashes are stored.
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "select key_hash, name from api_key")) {
                List<String> hashes = new ArrayList<>();
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
                assertEquals(3, hashes.size());
                for (String secret : List.of(admin, crm, auditor)) {
                    assertTrue(hashes.contains(sha256(secret)));
                    assertFalse(hashes.contains(secret));
                }
            }

            // Revoked keys stop working at once; revoking every key does not reopen the server.
            for (Map<String, Object> k : as(server, admin).get("/v1/keys").then().statusCode(200).extract()
                    .jsonPath().<Map<String, Object>>getList("keys")) {
                if (!k.get("name").equals("ops")) {
                    as(server, admin).delete("/v1/keys/" + k.get("id")).then().statusCode(200)
                            .body("revokedAt", notNullValue());
                }
            }
            as(server, crm).get("/v1/incidents").then().statusCode(401);
            String adminId = as(server, admin).get("/v1/keys").then().extract().path("keys.find { it.name == 'ops' }.id");
            as(server, admin).delete("/v1/keys/" + adminId).then().statusCode(200);
            as(server, admin).get("/v1/keys").then().statusCode(401);
            as(server, null).get("/v1/keys").then().statusCode(401);
        }
    }

    @Test
    void listeningBeyondLoopbackNeedsAKeyCreatedFromTheCli(@TempDir Path temp) throws Exception {
        DatabaseConfig database = DatabaseConfig.embedded(temp.resolve("data"));
        ServerConfig everywhere = new ServerConfig("0.0.0.0", 0, BundledRules.FOLDER, database, false);
        App.UnprotectedException refused = assertThrows(App.UnprotectedException.class, () -> App.start(everywhere));
        assertTrue(refused.getMessage().contains("keys create"), refused.getMessage());

        String out = cli("keys", "create", "--name", "crm-test", "--role", "evaluate", "--data-dir",
                temp.resolve("data").toString());
        String secret = out.lines().filter(l -> l.startsWith("rps_")).findFirst().orElseThrow();
        assertTrue(cli("keys", "list", "--data-dir", temp.resolve("data").toString()).contains("crm-test"));

        try (TestServer server = TestServer.start(everywhere)) {
            as(server, null).contentType(ContentType.JSON).body(mention("Hello")).post("/v1/mentions/evaluate")
                    .then().statusCode(401);
            as(server, secret).contentType(ContentType.JSON).body(mention("Hello")).post("/v1/mentions/evaluate")
                    .then().statusCode(200);
        }
    }

    @Test
    void servesHttpsWithAKeystore(@TempDir Path temp) throws Exception {
        Path keystore = temp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        ServerConfig config = new ServerConfig("127.0.0.1", 0, BundledRules.FOLDER,
                DatabaseConfig.embedded(temp.resolve("data")), false)
                .with(ServerConfig.Protection.DEFAULTS.withTls(new ServerConfig.Tls(keystore, "changeit")));
        try (TestServer server = TestServer.start(config)) {
            RestAssured.given().relaxedHTTPSValidation().baseUri("https://127.0.0.1").port(server.port())
                    .get("/health").then().statusCode(200).body("status", not(equalTo(null)));
            assertThrows(Exception.class, () -> RestAssured.given().baseUri("http://127.0.0.1").port(server.port())
                    .get("/health").then().statusCode(200));
        }
        ServerConfig wrongPassword = config.with(ServerConfig.Protection.DEFAULTS.withTls(
                new ServerConfig.Tls(keystore, "wrong")));
        assertThrows(IllegalArgumentException.class, () -> App.start(wrongPassword).close());
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, cli.execute(args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
