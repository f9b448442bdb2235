package org.responsepolicy.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.responsepolicy.support.TestServer;

/** Every kind of bad input gets a 4xx application/problem+json with a stable type and a usable message. */
class BadInputIntegrationTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ValidatableResponse post(String body) {
        return server.request().contentType(ContentType.JSON).body(body).post("/v1/mentions/evaluate").then()
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("at org.")));
    }

    @Test
    void rejectsMalformedJson() {
        post("{\"id\": \"1\", \"brand\": ").statusCode(400)
                .body("type", equalTo("urn:response-policy:problem:malformed_json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void rejectsEmptyBody() {
        post("").statusCode(400).body("code", equalTo("invalid_mention"));
    }

    @Test
    void rejectsNonObjectBody() {
        post("[1, 2]").statusCode(400).body("code", equalTo("invalid_mention"));
    }

    static java.util.stream.Stream<Arguments> invalidMentions() {
        return java.util.stream.Stream.of(
                Arguments.of("{\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\"}", "id", "is required"),
                Arguments.of("{\"id\":\"1\",\"channel\":\"twitter\",\"text\":\"hi\"}", "brand", "is required"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"text\":\"hi\"}", "channel", "is required"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\"}", "text", "is required"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"\"}", "text", "non-blank"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"   \"}", "text", "non-blank"),
                Arguments.of("{\"id\":1,\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\"}", "id", "must be a string"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"myspace\",\"text\":\"hi\"}", "channel", "must be one of"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"visibility\":\"secret\",\"text\":\"hi\"}", "visibility", "must be one of"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"language\":\"polish\"}", "language", "ISO 639-1"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"sentiment\":{\"label\":\"angry\"}}", "sentiment.label", "must be one of"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"sentiment\":{\"label\":\"negative\",\"score\":-3}}", "sentiment.score", "from -1 to 1"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"sentiment\":\"bad\"}", "sentiment", "must be an object"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"author\":{\"followers\":-5}}", "author.followers", "negative"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"author\":{\"followers\":\"many\"}}", "author.followers", "whole number"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"author\":{\"verified\":\"yes\"}}", "author.verified", "true or false"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"publishedAt\":\"yesterday\"}", "publishedAt", "RFC 3339"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"publishedAt\":\"2026-11-23T10:00:00\"}", "publishedAt", "time zone"),
                Arguments.of("{\"id\":\"1\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"url\":\"not a url\"}", "url", "URL"),
                Arguments.of("{\"id\":\"" + "x".repeat(201) + "\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\"}", "id", "at most 200"));
    }

    @ParameterizedTest
    @MethodSource("invalidMentions")
    void rejectsInvalidFieldNamingTheField(String body, String field, String message) {
        post(body).statusCode(400)
                .body("type", equalTo("urn:response-policy:problem:invalid_mention"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    @Test
    void reportsAllInvalidFieldsAtOnce() {
        post("{\"channel\":\"fax\",\"text\":42}").statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("id", "brand", "channel", "text")));
    }

    @Test
    void rejectsTextOverTwentyThousandCharacters() {
        String body = "{\"id\":\"long\",\"brand\":\"b\",\"channel\":\"forum\",\"text\":\"" + "ż".repeat(20_001) + "\"}";
        post(body).statusCode(400).body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("20000"));
    }

    @Test
    void acceptsTextOfExactlyTwentyThousandCharactersCountingEmojiAsOne() {
        String text = "😀".repeat(20_000);
        server.request().contentType(ContentType.JSON)
                .body(Map.of("id", "emoji-20k", "brand", "b", "channel", "forum", "text", text))
                .post("/v1/mentions/evaluate").then().statusCode(200);
    }

    @Test
    void rejectsBodyOverOneMebibyteWith413() {
        String body = "{\"id\":\"huge\",\"brand\":\"b\",\"channel\":\"forum\",\"text\":\"" + "a".repeat(1_100_000) + "\"}";
        post(body).statusCode(413).body("code", equalTo("payload_too_large"));
    }

    @Test
    void rejectsWrongMediaTypeWith415() {
        server.request().contentType("text/plain").body("hello").post("/v1/mentions/evaluate").then()
                .statusCode(415).contentType("application/problem+json").body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void answersUnknownPathWith404Problem() {
        server.request().get("/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    @Test
    void rejectsAKeySentTwiceInsteadOfGuessingWhichCounts() {
        post("{\"id\":\"dup\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\",\"text\":\"Scam!\"}")
                .statusCode(400).body("code", equalTo("malformed_json")).body("detail", containsString("text"));
    }

    @Test
    void rejectsPublishedAtOutsideAPlausibleRange() {
        post("{\"id\":\"old\",\"brand\":\"b\",\"channel\":\"twitter\",\"text\":\"hi\","
                + "\"publishedAt\":\"-999999999-01-01T00:00:00+18:00\"}")
                .statusCode(400).body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void answersAnUnparseableUriWithAProblemNotAStackTrace() throws Exception {
        // HTTP clients refuse to send such a URI, so speak HTTP by hand
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET /v1/decisions/%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 400"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.contains("application/problem+json"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.contains("\"code\":\"invalid_uri\""), response);
            org.junit.jupiter.api.Assertions.assertFalse(response.contains("at org."), response);
        }
    }

    @Test
    void acceptsIdsAndBrandsAtTheirLimitInCharactersEvenOutsideTheBasicPlane() {
        server.request().contentType(ContentType.JSON)
                .body(Map.of("id", "𝔸".repeat(200), "brand", "😀".repeat(100), "channel", "forum", "text", "ok"))
                .post("/v1/mentions/evaluate").then().statusCode(200);
    }

    @Test
    void ignoresUnknownFieldsSoIntegratorsMaySendExtraMetadata() {
        server.request().contentType(ContentType.JSON)
                .body(Map.of("id", "extra-1", "brand", "b", "channel", "forum", "text", "ok", "crmTicket", "T-1"))
                .post("/v1/mentions/evaluate").then().statusCode(200);
    }
}
