package org.responsepolicy.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.responsepolicy.evaluation.MentionInput;

/**
 * Reads and validates one mention from JSON, collecting every field error at once so the caller can fix
 * them in one go. Unknown fields are ignored, so integrators may send extra metadata.
 */
final class MentionReader {

    static final int MAX_TEXT_CHARACTERS = 20_000;
    static final List<String> CHANNELS = org.responsepolicy.engine.facts.Mention.CHANNELS;
    static final List<String> VISIBILITIES = List.of("public", "private");
    static final List<String> SENTIMENT_LABELS = List.of("negative", "neutral", "positive");

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final String prefix;

    private MentionReader(String prefix) {
        this.prefix = prefix;
    }

    /** @param prefix prepended to field names in errors, e.g. {@code mentions[2].}; empty for a single mention */
    static MentionInput read(JsonNode body, String prefix) {
        return new MentionReader(prefix).readMention(body);
    }

    private MentionInput readMention(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new ApiException(400, "invalid_mention", "Invalid mention",
                    "The request body is empty; send one mention as a JSON object.");
        }
        if (!body.isObject()) {
            String where = prefix.isEmpty() ? "(body)" : prefix.substring(0, prefix.length() - 1);
            errors.add(new Problem.FieldError(where, "must be a JSON object, not " + kind(body)));
            throw ApiException.invalidMention(errors);
        }
        String id = string(body, "id", true, 1, 200);
        String brand = string(body, "brand", true, 1, 100);
        String channel = oneOf(body, "channel", CHANNELS, true);
        String visibility = oneOf(body, "visibility", VISIBILITIES, false);
        String text = text(body);
        String language = language(body);
        MentionInput.CallerSentiment sentiment = sentiment(body.get("sentiment"));
        MentionInput.Author author = author(body.get("author"));
        OffsetDateTime publishedAt = timestamp(body, "publishedAt");
        String url = url(body);
        String inReplyTo = string(body, "inReplyTo", false, 1, 200);
        if (!errors.isEmpty()) {
            throw ApiException.invalidMention(errors);
        }
        return new MentionInput(id, brand, channel, visibility == null ? "public" : visibility, text, language,
                sentiment, author, publishedAt, url, inReplyTo);
    }

    private String text(JsonNode body) {
        String sent = string(body, "text", true, 0, Integer.MAX_VALUE);
        if (sent == null) {
            return null;
        }
        String text = replaceLoneSurrogates(sent);
        int characters = text.codePointCount(0, text.length());
        if (text.isBlank()) {
            error("text", "must contain at least one non-blank character");
        } else if (characters > MAX_TEXT_CHARACTERS) {
            error("text", "is " + characters + " characters long; the limit is " + MAX_TEXT_CHARACTERS);
        }
        return text;
    }

    private String language(JsonNode body) {
        String language = string(body, "language", false, 0, Integer.MAX_VALUE);
        if (language != null && !language.matches("[A-Za-z]{2}")) {
            error("language", "must be a two-letter ISO 639-1 code such as \"pl\" or \"en\"");
            return null;
        }
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    private MentionInput.CallerSentiment sentiment(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            error("sentiment", "must be an object like {\"label\": \"negative\", \"score\": -0.6}, not " + kind(node));
            return null;
        }
        String label = oneOf(node, "sentiment.label", "label", SENTIMENT_LABELS, true);
        Double score = null;
        JsonNode s = node.get("score");
        if (!absent(s)) {
            if (!s.isNumber()) {
                error("sentiment.score", "must be a number from -1 to 1, not " + kind(s));
            } else if (s.asDouble() < -1 || s.asDouble() > 1) {
                error("sentiment.score", "must be from -1 to 1, got " + s.asText());
            } else {
                score = s.asDouble();
            }
        }
        return label == null ? null : new MentionInput.CallerSentiment(label, score);
    }

    private MentionInput.Author author(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            error("author", "must be an object, not " + kind(node));
            return null;
        }
        String id = string(node, "author.id", "id", false, 1, 200);
        String handle = string(node, "author.handle", "handle", false, 1, 200);
        String displayName = string(node, "author.displayName", "displayName", false, 1, 200);
        Long followers = null;
        JsonNode f = node.get("followers");
        if (!absent(f)) {
            if (!f.isIntegralNumber() || !f.canConvertToLong()) {
                error("author.followers", "must be a whole number, not " + kind(f));
            } else if (f.asLong() < 0) {
                error("author.followers", "must not be negative");
            } else {
                followers = f.asLong();
            }
        }
        Boolean verified = null;
        JsonNode v = node.get("verified");
        if (!absent(v)) {
            if (!v.isBoolean()) {
                error("author.verified", "must be true or false, not " + kind(v));
            } else {
                verified = v.asBoolean();
            }
        }
        return new MentionInput.Author(id, handle, displayName, followers, verified);
    }

    private OffsetDateTime timestamp(JsonNode body, String field) {
        String value = string(body, field, false, 1, 64);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value);
            if (t.getYear() < 1970 || t.getYear() > 9999) {
                error(field, "must be between the years 1970 and 9999");
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            error(field, "must be an RFC 3339 date-time with a time zone, e.g. \"2026-11-23T09:15:00Z\"");
            return null;
        }
    }

    private String url(JsonNode body) {
        String value = string(body, "url", false, 1, 2048);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                error("url", "must be an absolute http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            error("url", "is not a valid URL: " + e.getReason());
        }
        return value;
    }

    private String oneOf(JsonNode node, String field, List<String> allowed, boolean required) {
        return oneOf(node, field, field, allowed, required);
    }

    private String oneOf(JsonNode node, String field, String key, List<String> allowed, boolean required) {
        String value = string(node, field, key, required, 1, 64);
        if (value != null && !allowed.contains(value)) {
            error(field, "must be one of " + String.join(", ", allowed) + "; got \"" + value + "\"");
            return null;
        }
        return value;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Free text keeps its meaning with U+FFFD where an unpaired surrogate stood (it cannot be stored as is). */
    static String replaceLoneSurrogates(String s) {
        if (!hasLoneSurrogate(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    private String string(JsonNode node, String field, boolean required, int min, int max) {
        return string(node, field, field, required, min, max);
    }

    private String string(JsonNode node, String field, String key, boolean required, int min, int max) {
        JsonNode v = node.get(key);
        if (absent(v)) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            error(field, "must be a string, not " + kind(v));
            return null;
        }
        String s = v.textValue();
        int length = s.codePointCount(0, s.length());
        if (length < min) {
            error(field, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
            return null;
        }
        if (length > max) {
            error(field, "must be at most " + max + " characters, got " + length);
            return null;
        }
        if (max <= 2048 && s.chars().anyMatch(Character::isISOControl)) {
            error(field, "must not contain control characters");
            return null;
        }
        if (max <= 2048 && hasLoneSurrogate(s)) {
            // An identifier must survive storage unchanged; MariaDB's utf8mb4 turns a lone surrogate into '?'.
            error(field, "must not contain unpaired surrogates (\\ud800-\\udfff escapes that form no character)");
            return null;
        }
        return s;
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(prefix + field, message));
    }
}
