package org.responsepolicy.rulesadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void readsTheUsualWaysOfSayingHowFarBack() {
        assertEquals(Instant.parse("2026-11-16T12:00:00Z"), Replay.since("7d", NOW));
        assertEquals(Instant.parse("2026-11-22T12:00:00Z"), Replay.since("24h", NOW));
        assertEquals(Instant.parse("2026-11-23T10:30:00Z"), Replay.since("90m", NOW));
        assertEquals(Instant.parse("2026-11-22T12:00:00Z"), Replay.since("P1D", NOW));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), Replay.since("2026-11-01T00:00:00Z", NOW));
    }

    @Test
    void neverReachesBefore1970() {
        assertEquals(Instant.EPOCH, Replay.since("999999d", NOW));
    }

    @Test
    void refusesWhatItCannotReadAndTheFuture() {
        assertThrows(RuntimeException.class, () -> Replay.since("last week", NOW));
        assertThrows(RuntimeException.class, () -> Replay.since("-1d", NOW));
        assertThrows(RuntimeException.class, () -> Replay.since("P-1D", NOW));
        assertThrows(RuntimeException.class, () -> Replay.since("2027-01-01T00:00:00Z", NOW));
    }
}
