package org.responsepolicy.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The incidents crisis detection opened, for people to read and close. Thread-safe. */
public interface IncidentLog {

    /**
     * Newest first. Incidents whose quiet period has passed by {@code now} are closed first, so every server
     * instance shows the same state.
     *
     * @param brandOrNull  one brand, or all
     * @param statusOrNull {@code open}, {@code closed}, or both
     * @param quietPeriodFor the brand's quiet period (from its settings)
     */
    List<IncidentView> list(String brandOrNull, String statusOrNull, int limit, Instant now,
                            Function<String, Duration> quietPeriodFor);

    Optional<IncidentView> find(String incidentId);

    /** Closes an open incident by hand; an incident already closed is returned as it is. Empty if unknown. */
    Optional<IncidentView> close(String incidentId, Instant now);
}
