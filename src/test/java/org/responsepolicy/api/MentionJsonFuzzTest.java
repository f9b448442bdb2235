package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.responsepolicy.app.Json;
import org.responsepolicy.evaluation.MentionInput;

/**
 * A request body becomes a mention the way {@code POST /v1/mentions/evaluate} makes it one (Jersey's Jackson
 * reader with the application's mapper, then {@link MentionReader}), in process, for any bytes: arbitrary
 * ones, mentions with fuzzed field values, and mentions nested deep in arrays and objects. The only failures
 * allowed are the client errors the API documents (an {@link ApiException}, or Jackson's
 * {@link JsonProcessingException}, {@code StreamConstraintsException} included), each a 4xx problem that
 * serialises; a mention that is accepted satisfies every rule of the contract.
 *
 * <p>Seeds in {@code MentionJsonFuzzTestInputs/} are request bodies followed by one zero byte (which picks
 * the "arbitrary bytes" reading), so each is readable as it is sent.
 */
class MentionJsonFuzzTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final String[] FIELDS = {"id", "brand", "channel", "visibility", "text", "language", "sentiment",
        "author", "publishedAt", "url", "inReplyTo", "label", "score", "handle", "displayName", "followers", "verified"};
    private static final String[] PLAUSIBLE = {"m-1", "acme-bank", "twitter", "forum", "public", "private", "pl", "EN",
        "x", "2026-11-23T09:15:00Z", "1969-12-31T23:59:59Z", "https://x.com/a/1", "ftp://x.com", "http://",
        "negative", "positive", "Karta 4111 1111 1111 1111", "@anna", "Anna Nowak"};

    @FuzzTest
    void readsAnyBodyAsAValidMentionOrAClientError(FuzzedDataProvider data) throws IOException {
        byte[] body = switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeRemainingAsBytes();
            case 1 -> object(data, 0).getBytes(StandardCharsets.UTF_8);
            default -> nested(data).getBytes(StandardCharsets.UTF_8);
        };
        MentionInput mention;
        long started = System.nanoTime();
        try {
            mention = MentionReader.read(readAsJersey(body), "");
        } catch (ApiException e) {
            assertClientProblem(e.toProblem("/v1/mentions/evaluate"), body);
            return;
        } catch (JsonProcessingException e) {
            assertClientProblem((Problem) new ExceptionMappers.ForJson().toResponse(e).getEntity(), body);
            return;
        } catch (java.io.CharConversionException e) {
            // A body Jackson reads as UTF-32 ("00 00 00 7B …") with an invalid code point: the API answers 400.
            assertClientProblem((Problem) new ExceptionMappers.ForUnexpected().toResponse(e).getEntity(), body);
            return;
        } finally {
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(seconds < 10, "reading " + body.length + " bytes took " + seconds + " s");
        }
        assertFollowsTheContract(mention);
    }

    /** As Jersey's Jackson provider reads a {@code JsonNode} parameter: an empty body is null. */
    static JsonNode readAsJersey(byte[] body) throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return MAPPER.readerFor(JsonNode.class).readValue(parser);
        }
    }

    private static void assertClientProblem(Problem problem, byte[] body) throws IOException {
        assertTrue(problem.status() >= 400 && problem.status() < 500, problem.toString());
        assertTrue(problem.type().startsWith(Problem.TYPE_PREFIX + problem.code()), problem.toString());
        assertNotNull(problem.detail());
        // No trace of the code behind it, unless the client sent those words itself (the detail quotes bad tokens).
        String sent = new String(body, StandardCharsets.UTF_8);
        for (String trace : new String[] {"\tat ", "Exception", "org.responsepolicy.", "com.fasterxml."}) {
            assertFalse(problem.detail().contains(trace) && !sent.contains(trace), problem.detail());
        }
        // Whatever the body echoed back (a lone surrogate, a control character), the problem is valid JSON.
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(problem));
        assertEquals(problem.type(), written.get("type").asText());
    }

    private static void assertFollowsTheContract(MentionInput m) {
        assertLength(m.id(), 1, 200);
        assertLength(m.brand(), 1, 100);
        assertTrue(org.responsepolicy.engine.facts.Mention.CHANNELS.contains(m.channel()), m.channel());
        assertTrue(List.of("public", "private").contains(m.visibility()), m.visibility());
        assertFalse(m.text().isBlank(), "blank text accepted");
        int characters = m.text().codePointCount(0, m.text().length());
        assertTrue(characters <= MentionReader.MAX_TEXT_CHARACTERS, "text of " + characters + " characters accepted");
        assertTrue(m.language() == null || m.language().matches("[a-z]{2}"), m.language());
        if (m.sentiment() != null) {
            assertTrue(MentionReader.SENTIMENT_LABELS.contains(m.sentiment().label()), m.sentiment().label());
            Double score = m.sentiment().score();
            assertTrue(score == null || score >= -1 && score <= 1, String.valueOf(score));
        }
        if (m.author() != null) {
            assertTrue(m.author().followers() == null || m.author().followers() >= 0, "followers " + m.author().followers());
        }
        if (m.publishedAt() != null) {
            assertTrue(m.publishedAt().getYear() >= 1970 && m.publishedAt().getYear() <= 9999, m.publishedAt().toString());
        }
        if (m.url() != null) {
            URI url = URI.create(m.url());
            assertTrue(List.of("http", "https").contains(url.getScheme().toLowerCase(java.util.Locale.ROOT)), m.url());
            assertNotNull(url.getHost(), m.url());
        }
    }

    private static void assertLength(String s, int min, int max) {
        assertNotNull(s);
        int length = s.codePointCount(0, s.length());
        assertTrue(length >= min && length <= max, s);
        assertTrue(s.chars().noneMatch(Character::isISOControl), s);
    }

    /** A mention-like object: each known field present or not, with a plausible, fuzzed or wrongly typed value. */
    static String object(FuzzedDataProvider data, int depth) {
        StringBuilder json = new StringBuilder("{");
        for (String field : FIELDS) {
            if (data.remainingBytes() > 0 && data.consumeBoolean()) {
                json.append(json.length() > 1 ? "," : "").append(quoted(field)).append(':').append(value(data, depth));
            }
        }
        return json.append('}').toString();
    }

    private static String value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, 7)) {
            case 0 -> quoted(data.pickValue(PLAUSIBLE));
            case 1 -> quoted(data.consumeString(64));
            case 2 -> quoted(String.valueOf(data.consumeChar()));
            case 3 -> String.valueOf(data.consumeLong());
            case 4 -> String.valueOf(data.consumeDouble());
            case 5 -> data.pickValue(new String[] {"true", "false", "null", "[]", "{}", "1e999999", "-0", "[\"x\"]"});
            case 6 -> depth < 2 ? object(data, depth + 1) : "{}";
            default -> quoted(data.consumeString(16).repeat(data.consumeInt(1, 2_000)));
        };
    }

    /** A mention inside up to 2,000 levels of arrays or objects (Jackson refuses more than 1,000). */
    private static String nested(FuzzedDataProvider data) {
        int depth = data.consumeInt(0, 2_000);
        boolean arrays = data.consumeBoolean();
        String inner = object(data, 0);
        return (arrays ? "[" : "{\"a\":").repeat(depth) + inner + (arrays ? "]" : "}").repeat(depth);
    }

    /** A JSON string; every surrogate written as an escape, so lone ones reach the parser as {@code \ud800}. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
