package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.responsepolicy.evaluation.DecisionOverview;

/**
 * {@code GET /v1/overview}: mentions and negatives over time, actions by type and deadlines, for a period (the
 * last seven days unless {@code from}/{@code since} and {@code to} say otherwise). Hourly steps up to two days,
 * daily beyond.
 */
@Path("/v1/overview")
@Access(org.responsepolicy.access.Role.COMPLIANCE)
@Produces(MediaType.APPLICATION_JSON)
public final class OverviewResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    static final Duration HOURLY_UP_TO = Duration.ofHours(48);
    static final Duration LONGEST = Duration.ofDays(400);

    private final DecisionOverview overview;
    private final java.time.Clock clock;
    private final java.util.function.BooleanSupplier storeReachable;

    @Inject
    OverviewResource(ApiDependencies dependencies) {
        this.overview = dependencies.overview();
        this.clock = dependencies.clock();
        this.storeReachable = dependencies.storeReachable();
    }

    @GET
    public DecisionOverview.Overview overview(@QueryParam("brand") String brand, @QueryParam("from") String from,
                                              @QueryParam("to") String to, @QueryParam("since") String since,
                                              @QueryParam("timeZone") String timeZone) {
        Instant now = clock.instant();
        Instant end = QueryParameters.instant("to", to);
        end = end == null ? now : end;
        Instant start = QueryParameters.instant("from", from);
        if (start == null && QueryParameters.text(since) != null) {
            // Relative to the server's clock, not the browser's: "the last 24 hours" means the same to everyone.
            try {
                start = org.responsepolicy.rulesadmin.Replay.since(since, now);
            } catch (RuntimeException e) {
                throw new ApiException(400, "invalid_query", "Invalid query",
                        "'since' must look like 24h, 7d, 90m or 2026-11-16T00:00:00Z, and lie in the past.");
            }
        }
        start = start == null ? end.minus(DEFAULT_PERIOD) : start;
        QueryParameters.requireBefore(start, end);
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new ApiException(400, "invalid_query", "Invalid query",
                    "The period may be at most " + LONGEST.toDays() + " days long.");
        }
        java.time.ZoneId zone = zone(timeZone);
        DecisionOverview.Bucket bucket = Duration.between(start, end).compareTo(HOURLY_UP_TO) <= 0
                ? DecisionOverview.Bucket.HOUR : DecisionOverview.Bucket.DAY;
        // Steps start on whole hours, or at midnight where the reader lives, so the first holds the period's start.
        start = bucket == DecisionOverview.Bucket.HOUR ? start.truncatedTo(ChronoUnit.HOURS)
                : start.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        if (!storeReachable.getAsBoolean()) {
            throw new ExceptionMappers.StoreDown();
        }
        return overview.overview(new DecisionOverview.Period(QueryParameters.text(brand),
                start, end, bucket, now, zone));
    }

    private static java.time.ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return java.time.ZoneOffset.UTC;
        }
        try {
            return java.time.ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException e) {
            throw new ApiException(400, "invalid_query", "Invalid query",
                    "'timeZone' must be a time-zone name such as Europe/Warsaw or UTC.");
        }
    }
}
