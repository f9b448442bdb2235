package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.responsepolicy.support.TestServer;

/** Every policy over HTTP in English, Polish, Ukrainian, Russian and Hungarian (cases in api/policies-by-language.yaml). */
class PoliciesByLanguageIntegrationTest {

    private static TestServer server;

    record Case(String policy, String language, String text, List<String> expect, List<String> absent,
                Boolean noDigitsInReply, String replyLanguage, Boolean approval) {
        @Override
        public String toString() {
            return policy + " [" + language + "]";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Case> cases() throws Exception {
        try (InputStream in = PoliciesByLanguageIntegrationTest.class.getResourceAsStream("/api/policies-by-language.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Case>>() { }).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesThePolicyInTheMentionsLanguage(Case c) {
        JsonPath d = server.request().contentType(ContentType.JSON)
                .body(Map.of("id", "lang-" + UUID.randomUUID(), "brand", "lang-" + UUID.randomUUID(), "channel", "facebook",
                        "text", c.text(), "author", Map.of("displayName", "Olena Kowalska")))
                .post("/v1/mentions/evaluate").then().statusCode(200).extract().jsonPath();
        String summary = d.getList("actions").toString() + " analysis=" + d.getMap("analysis");

        assertEquals(c.language(), d.getString("analysis.language"), summary);
        List<Map<String, Object>> actions = d.getList("actions");
        for (String expected : c.expect()) {
            String[] typeAndQueue = expected.split(":");
            assertTrue(actions.stream().anyMatch(a -> a.get("type").equals(typeAndQueue[0])
                    && (typeAndQueue.length == 1 || a.get("queue").equals(typeAndQueue[1]))), "expected " + expected + ": " + summary);
        }
        for (String absent : c.absent() == null ? List.<String>of() : c.absent()) {
            assertTrue(actions.stream().noneMatch(a -> a.get("type").equals(absent)), "unexpected " + absent + ": " + summary);
        }
        String replyLanguage = c.replyLanguage() != null ? c.replyLanguage() : c.language();
        for (Map<String, Object> a : actions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> reply = (Map<String, Object>) a.get("suggestedReply");
            if (reply != null) {
                assertEquals(replyLanguage, reply.get("language"), "reply language of " + a.get("type") + ": " + summary);
                if (Boolean.TRUE.equals(c.noDigitsInReply())) {
                    assertFalse(((String) reply.get("text")).matches("(?s).*\\d{4}.*"), "reply repeats digits: " + reply);
                }
            }
            assertFalse(((List<?>) a.get("reasons")).isEmpty(), "every action has a reason: " + a);
        }
        if (Boolean.TRUE.equals(c.approval())) {
            Map<String, Object> reply = d.getMap("actions.find { it.type == 'RESPOND_PUBLICLY' }");
            assertNotNull(reply, summary);
            assertEquals(true, reply.get("requiresApproval"), summary);
        }
    }
}
