package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with {@code --log-format json}: every line of its log is one JSON object, requests carry
 * their id (the caller's X-Request-Id, echoed back), an evaluation's line its decision id, brand and ruleset
 * version, and no personal data sent in a mention or a URL appears anywhere in the log.
 */
class JsonLogsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONAL = List.of("4111 1111 1111 1111", "4111111111111111",
            "anna.nowak@example.com", "601 234 567", "Anna Nowak", "anowak");

    @TempDir
    Path dir;

    @Test
    void logsOneJsonObjectPerEventWithRequestAndDecisionAndNoPersonalData() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-jar", "target/response-policy-server.jar", "serve",
                "--log-format", "json", "--host", "127.0.0.1", "--port", String.valueOf(port), "--rules", "rules",
                "--data-dir", dir.resolve("data").toString(), "--no-watch-rules")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            waitUntilUp(http, base, server, log);
            String mention = JSON.writeValueAsString(Map.of("id", "log-1", "brand", "acme-bank",
                    "channel", "twitter", "text", "Karta 4111 1111 1111 1111 zablokowana, pište na "
                            + "anna.nowak@example.com albo dzwońcie 601 234 567!",
                    "author", Map.of("handle", "anowak", "displayName", "Anna Nowak")));
            HttpResponse<String> evaluated = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/mentions/evaluate"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "crm-7f3a")
                    .POST(HttpRequest.BodyPublishers.ofString(mention)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, evaluated.statusCode(), evaluated.body());
            assertEquals("crm-7f3a", evaluated.headers().firstValue("X-Request-Id").orElse(null));
            String decisionId = JSON.readTree(evaluated.body()).get("decisionId").asText();
            // Personal data in a URL and in a body that is not JSON
            http.send(HttpRequest.newBuilder(URI.create(base + "/v1/decisions/4111111111111111")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> broken = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/mentions/evaluate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"4111 1111 1111 1111 anowak")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, broken.statusCode());
            assertTrue(broken.headers().firstValue("X-Request-Id").isPresent(), "a new id when none was sent");

            server.destroy(); // SIGTERM: drain, stop, flush the log
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                events.add(JSON.readTree(line)); // every line is one JSON object
                for (String value : PERSONAL) {
                    assertFalse(line.contains(value), "personal data in the log: " + line);
                }
            }
            JsonNode request = events.stream().filter(e -> "crm-7f3a".equals(e.path("requestId").asText()))
                    .filter(e -> e.path("message").asText().startsWith("POST /v1/mentions/evaluate 200"))
                    .findFirst().orElseThrow(() -> new AssertionError("no log line for the evaluation in " + events));
            assertEquals(decisionId, request.path("decisionId").asText());
            assertEquals("acme-bank", request.path("brand").asText());
            assertFalse(request.path("rulesetVersion").asText().isEmpty());
            assertTrue(events.stream().anyMatch(e -> e.path("message").asText()
                    .startsWith("GET /v1/decisions/{decisionId} 404 ")), "the route, not the path, is logged");
            assertTrue(events.stream().allMatch(e -> e.has("@timestamp") && e.has("level") && e.has("logger_name")));
        } finally {
            server.destroyForcibly();
        }
    }

    private static void waitUntilUp(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }
}
