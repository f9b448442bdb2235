package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.TestServer;

/** {@code GET /metrics} after real traffic: the names and labels operators chart, and nothing a caller sent. */
class MetricsIntegrationTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String scrape() {
        return server.request().get("/metrics").then().statusCode(200).contentType(ContentType.TEXT)
                .extract().asString();
    }

    private static void evaluate(String id, String text) {
        server.request().contentType(ContentType.JSON).body(Map.of("id", id, "brand", "metrics-bank",
                "channel", "twitter", "text", text, "author", Map.of("handle", "metrics_" + id)))
                .post("/v1/mentions/evaluate").then().statusCode(200);
    }

    /** The value of one series, or -1 if absent. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void countsRequestsDecisionsActionsPoliciesRulesAndReloadsWithBoundedLabels() {
        double before = Math.max(0, value(scrape(), "rps_decisions_total"));
        evaluate("metrics-1", "Aplikacja znowu nie działa, skandal! Karta 4111 1111 1111 1111 zablokowana.");
        evaluate("metrics-1", "Aplikacja znowu nie działa, skandal! Karta 4111 1111 1111 1111 zablokowana.");
        evaluate("metrics-2", "Thank you so much for the quick help with my card, you are the best!");
        server.request().post("/v1/rules/reload").then().statusCode(200);

        String metrics = scrape();
        assertEquals(before + 2, value(metrics, "rps_decisions_total"), "a replayed decision is not counted twice");
        assertTrue(value(metrics, "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/mentions/evaluate\","
                + "status=\"200\"}") >= 3, metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/mentions/evaluate\","
                + "status=\"200\",le="), "a latency histogram");
        assertTrue(Pattern.compile("(?m)^rps_actions_total\\{priority=\"P[0-9]\",queue=\"[a-z-]+\",type=\"THANK\"} ")
                .matcher(metrics).find(), metrics);
        assertTrue(value(metrics, "rps_actions_by_policy_total{policy=\"respond-to-negatives\"}") >= 1, metrics);
        assertTrue(value(metrics, "rps_actions_by_policy_total{policy=\"thank-advocates\"}") >= 1, metrics);
        assertTrue(value(metrics, "rps_rule_firings_total{rule=\"Reply publicly to every negative mention\"}") >= 1,
                metrics);
        assertTrue(value(metrics, "rps_rule_reloads_total{outcome=\"unchanged\"}") >= 1, metrics);
        String version = server.request().get("/health").then().extract().jsonPath().getString("rulesetVersion");
        assertEquals(1.0, value(metrics, "rps_ruleset_active{version=\"" + version + "\"}"), metrics);
        assertTrue(value(metrics, "rps_incidents_open") >= 0, "a number, read from the store");
        assertTrue(value(metrics, "hikaricp_connections_max{pool=\"decisions\"}") > 0, "the pool's own metrics");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "the JVM's metrics");
        // Nothing a caller sent becomes a label: not the brand, the id, the author or the text.
        Matcher labels = Pattern.compile("=\"([^\"]*)\"").matcher(metrics);
        while (labels.find()) {
            for (String sent : new String[] {"metrics-bank", "metrics-1", "metrics_metrics", "4111", "skandal"}) {
                assertFalse(labels.group(1).contains(sent), sent + " in the label value " + labels.group(1));
            }
        }
    }

    @Test
    void aRejectedReloadIsCountedAndTheActiveVersionStays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rules = TestServer.copyOfBundledRules(dir.resolve("rules"));
        try (TestServer own = TestServer.withRules(rules, false)) {
            java.nio.file.Files.writeString(rules.resolve("policies/broken.drl"),
                    "package rules;\nrule \"broken\"\nwhen\n  nonsense(\nthen\nend\n");
            own.request().post("/v1/rules/reload");
            String metrics = own.request().get("/metrics").then().statusCode(200).extract().asString();
            assertEquals(1.0, value(metrics, "rps_rule_reloads_total{outcome=\"rejected\"}"), metrics);
            String version = own.request().get("/health").then().extract().jsonPath().getString("rulesetVersion");
            assertEquals(1.0, value(metrics, "rps_ruleset_active{version=\"" + version + "\"}"), metrics);
        }
    }

    /** The dashboard in docker/grafana charts only series this server exports: it stays in step with the code. */
    @Test
    void theGrafanaDashboardChartsOnlyMetricsTheServerExports() throws Exception {
        evaluate("metrics-dashboard", "The app is down again, this is a disgrace!");
        String metrics = scrape();
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("docker/grafana/dashboards/response-policy-server.json").toFile());
        Pattern name = Pattern.compile("\\b(rps_[a-z_]+|http_server_requests_seconds_[a-z]+|hikaricp_[a-z_]+|jvm_[a-z_]+"
                + "|process_[a-z_]+)\\b");
        int charted = 0;
        for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.get("panels")) {
            for (com.fasterxml.jackson.databind.JsonNode target : panel.get("targets")) {
                Matcher m = name.matcher(target.get("expr").asText());
                while (m.find()) {
                    charted++;
                    assertTrue(Pattern.compile("(?m)^" + Pattern.quote(m.group(1)) + "[{ ]").matcher(metrics).find(),
                            "panel '" + panel.get("title").asText() + "' charts " + m.group(1) + ", which /metrics lacks");
                }
            }
        }
        assertTrue(charted >= 15, "the dashboard charts the server's metrics");
    }

    /** An invented HTTP method must not mint a new series per request. */
    @Test
    void methodsNobodyUsesAreCountedAsOther() {
        for (String method : new String[] {"FOO1", "FOO2", "BAR-" + System.nanoTime()}) {
            io.restassured.RestAssured.given().port(server.port()).request(method, "/health");
        }
        String metrics = scrape();
        assertFalse(metrics.contains("method=\"FOO1\""), "FOO1 became a label");
        assertTrue(metrics.contains("method=\"OTHER\""), metrics);
    }
}
