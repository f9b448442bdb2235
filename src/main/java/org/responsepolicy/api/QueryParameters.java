package org.responsepolicy.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** What the search endpoints read from their query strings, checked the same way with the same messages. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** A filter's value, stripped; null when absent or blank (a blank filter narrows nothing). */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A period given by both ends must not be empty or reversed. */
    static void requireBefore(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiException(400, "invalid_query", "Invalid query", "'from' must be before 'to'.");
        }
    }

    /**
     * A time: an ISO-8601 instant ({@code 2026-11-23T09:00:00Z}) or one with an offset.
     *
     * @return null when the parameter is absent or empty
     */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded "+01:00" arrives as " 01:00": the offset was meant.
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "invalid_query", "Invalid query", "'" + name
                    + "' must be a time with its offset, e.g. 2026-11-23T09:00:00Z or 2026-11-23T10:00:00+01:00.");
        }
    }
}
