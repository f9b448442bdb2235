package org.responsepolicy.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times in query parameters: an ISO-8601 instant ({@code 2026-11-23T09:00:00Z}) or one with an offset. */
final class QueryTimes {

    private QueryTimes() {
    }

    /** @return null when the parameter is absent or empty */
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
