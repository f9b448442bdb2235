package org.responsepolicy.evaluation;

import java.time.Instant;
import java.util.List;

/** Counts over stored decisions for a period, for people who would rather look at a chart than read rows. */
public interface DecisionOverview {

    /** How long a step of the mentions series is. */
    enum Bucket {
        HOUR, DAY;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param brand null for every brand
     * @param from  evaluated at or after (a bucket boundary)
     * @param to    evaluated before
     * @param now   deadlines are judged against it
     * @param zone  where days start and end, for daily steps (hours are counted whole, so a zone half an hour
     *              off UTC puts a mention up to 30 minutes either side of midnight into the neighbouring day)
     */
    record Period(String brand, Instant from, Instant to, Bucket bucket, Instant now, java.time.ZoneId zone) {
    }

    /** One step of the series; steps without mentions are there too, with zeros. */
    record MentionCount(Instant start, long total, long negative, long positive) {
    }

    record ActionCount(String type, long count) {
    }

    /**
     * The deadlines of the period's actions against now. The server does not learn whether an agent answered, so
     * "passed" means the deadline is over, not that it was missed.
     */
    record Deadlines(long passed, long dueWithinHour, long later, long none) {
    }

    /** An action whose deadline is within an hour either side of now. */
    record DueAction(String decisionId, String mentionId, String brand, String type, String priority, String queue,
                     Instant dueBy) {
    }

    record Overview(Instant from, Instant to, Bucket bucket, String brand, List<MentionCount> mentions,
                    List<ActionCount> actionsByType, Deadlines deadlines, List<DueAction> dueSoon) {
    }

    Overview overview(Period period);
}
