package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.TestServer;

/**
 * Hostile bodies over real HTTP: absurd nesting, megabytes of emoji, broken UTF-8 and lone surrogates,
 * invisible and right-to-left characters inside a card number, wrong types, thousands of keys. Each gets
 * a 200 or a 4xx {@code application/problem+json} with a {@code type}; never a 5xx, never a stack trace.
 */
class HostileInputIntegrationTest {

    private static final String EVALUATE = "/v1/mentions/evaluate";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response post(byte[] body) {
        return server.request().contentType(ContentType.JSON).body(body).post(EVALUATE);
    }

    private static Response post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200, or a 4xx problem with a type and no trace of the code behind it. */
    private static Response answeredSafely(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertTrue(status == 200 || status >= 400 && status < 500, status + " " + body);
        if (status != 200) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertNotNull(response.jsonPath().getString("type"), body);
            assertFalse(body.contains("\tat ") || body.contains("Exception") || body.contains("org.responsepolicy"), body);
        }
        return response;
    }

    private static String mention(String id, String text) {
        return "{\"id\":\"" + id + "\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":\"" + text + "\"}";
    }

    @Test
    void refusesArraysNestedAHundredThousandDeepAsMalformedJson() {
        String body = "[".repeat(100_000) + "]".repeat(100_000);
        answeredSafely(post(body)).then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void refusesAMentionFieldNestedAHundredThousandDeepAsMalformedJson() {
        String body = "{\"id\":\"deep\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":\"hi\",\"extra\":"
                + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}";
        answeredSafely(post(body)).then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void refusesTwoMegabytesOfEmojiAsTooLargeWithOrWithoutContentLength() {
        byte[] body = mention("emoji-2mb", "😀".repeat(500_000)).getBytes(StandardCharsets.UTF_8);
        answeredSafely(post(body)).then().statusCode(413).body("code", equalTo("payload_too_large"));
        // An InputStream of unknown length goes out chunked: the limit is counted while reading.
        Response chunked = server.request().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).post(EVALUATE);
        answeredSafely(chunked).then().statusCode(413).body("code", equalTo("payload_too_large"));
    }

    @Test
    void refusesEmojiUnderTheSizeLimitButOverTheTextLimitNamingTheField() {
        answeredSafely(post(mention("emoji-900k", "😀".repeat(225_000)))).then().statusCode(400)
                .body("code", equalTo("invalid_mention")).body("errors.field", hasItem("text"));
    }

    @Test
    void refusesInvalidUtf8AsMalformedJson() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"id\":\"utf8\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc0, (byte) 0xaf});
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        answeredSafely(post(body.toByteArray())).then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void answersSurrogatesEncodedAsUtf8BytesSafely() {
        // ED A0 80 is U+D800 written as if it were a character: not valid UTF-8.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"id\":\"cesu\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":\"a ".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, ' ', (byte) 0xed, (byte) 0xb0, (byte) 0x80});
        body.writeBytes(" b\"}".getBytes(StandardCharsets.UTF_8));
        answeredSafely(post(body.toByteArray()));
    }

    @Test
    void refusesLoneSurrogatesInIdentifiersAndReplacesThemInText() {
        // In an id they could not be stored as sent (MariaDB's utf8mb4 keeps '?'), so two ids would collide.
        answeredSafely(post("{\"id\":\"lone-\\ud800\",\"brand\":\"acme-bank\",\"channel\":\"forum\","
                + "\"text\":\"hello\"}")).then().statusCode(400).body("errors.field", hasItem("id"));
        String body = "{\"id\":\"lone-text\",\"brand\":\"acme-bank\",\"channel\":\"forum\","
                + "\"text\":\"\\udc00 Karta 4111 1111 1111 1111 \\ud83d zablokowana \\udbff\"}";
        Response first = answeredSafely(post(body));
        first.then().statusCode(200).header("Idempotent-Replayed", "false");
        String masked = first.jsonPath().getString("maskedText");
        assertFalse(masked.contains("4111 1111 1111 1111"), masked);
        assertTrue(masked.startsWith("\ufffd ") && masked.endsWith(" \ufffd"), masked);
        answeredSafely(post(body)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("decisionId", equalTo(first.jsonPath().getString("decisionId")));
    }

    @Test
    void masksACardNumberWithZeroWidthAndRightToLeftCharactersBetweenItsDigits() {
        // "4111", ZERO WIDTH SPACE, "1111", RIGHT-TO-LEFT OVERRIDE, "1111 1111": a reader sees a card number.
        String text = "Karta 4111\u200b1111\u202e1111 1111 zablokowana";
        Response response = answeredSafely(server.request().contentType(ContentType.JSON)
                .body(java.util.Map.of("id", "zw-rtl-card", "brand", "acme-bank", "channel", "forum", "text", text))
                .post(EVALUATE));
        response.then().statusCode(200).body("analysis.personalData.type", equalTo(java.util.List.of("payment_card")));
        String masked = response.jsonPath().getString("maskedText");
        assertFalse(masked.replaceAll("\\D", "").contains("4111111111111111"), masked);
        String body = response.asString();
        assertFalse(body.contains("4111\u200b1111") || body.contains("1111\u202e1111"), body);
        assertEquals(text.length(), masked.length(), "masking keeps the length");
    }

    @Test
    void refusesANumberWhereAStringIsExpectedNamingTheField() {
        answeredSafely(post("{\"id\":\"num\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":4111111111111111}"))
                .then().statusCode(400).body("code", equalTo("invalid_mention")).body("errors.field", hasItem("text"));
    }

    @Test
    void ignoresTenThousandUnknownKeys() {
        StringBuilder body = new StringBuilder("{\"id\":\"keys-10k\",\"brand\":\"acme-bank\",\"channel\":\"forum\",\"text\":\"hi\"");
        for (int i = 0; i < 10_000; i++) {
            body.append(",\"k").append(i).append("\":").append(i);
        }
        answeredSafely(post(body.append('}').toString())).then().statusCode(200);
    }

    @Test
    void refusesABodyThatLooksLikeUtf32ButIsNotAsMalformedJson() {
        // Four bytes "00 00 00 7B" make Jackson read UTF-32; the next code point is out of range.
        byte[] body = {0, 0, 0, '{', 0, 0x11, 0, 0};
        Response response = post(body);
        answeredSafely(response).then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void evaluatesTextMadeOnlyOfInvisibleAndControlCharacters() {
        answeredSafely(post(mention("invisible", "\\u200b\\u200d\\u202e\\u2066\\ufeff\\u0000\\u0007")));
    }
}
