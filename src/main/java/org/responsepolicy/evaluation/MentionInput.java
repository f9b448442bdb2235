package org.responsepolicy.evaluation;

import java.time.OffsetDateTime;

/**
 * A mention as the caller sends it (the body of {@code POST /v1/mentions/evaluate}), already validated.
 *
 * @param id         the caller's id; with {@code brand} it is the idempotency key
 * @param visibility public or private
 * @param language   ISO 639-1 code, or null to detect it
 * @param sentiment  the caller's sentiment, or null to detect it
 */
public record MentionInput(String id, String brand, String channel, String visibility, String text, String language,
                           CallerSentiment sentiment, Author author, OffsetDateTime publishedAt, String url,
                           String inReplyTo) {

    /** @param score -1 … 1, or null */
    public record CallerSentiment(String label, Double score) {
    }

    public record Author(String id, String handle, String displayName, Long followers, Boolean verified) {

        /**
         * How a reply addresses the author: the first word of the display name if it is a name, else the handle.
         * Anything that is not plainly a name (an e-mail, digits) is left out: a reply must never repeat personal data.
         */
        public String addressAs() {
            if (displayName != null && !displayName.isBlank()) {
                String first = displayName.strip().split("\\s+")[0];
                if (NAME.matcher(first).matches()) {
                    return first;
                }
            }
            if (handle != null && !handle.isBlank()) {
                String h = handle.strip().startsWith("@") ? handle.strip().substring(1) : handle.strip();
                if (HANDLE.matcher(h).matches() && h.chars().filter(Character::isDigit).count() < 4) {
                    return "@" + h;
                }
            }
            return null;
        }

        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]{0,39}");
        private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.]{1,30}");
    }
}
