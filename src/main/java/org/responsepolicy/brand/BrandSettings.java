package org.responsepolicy.brand;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One brand's working conditions, with the defaults filled in. Immutable.
 *
 * @param brand      the brand as callers name it, or {@code default}
 * @param source     the files it was read from, for explanations (e.g. {@code brands/acme-bank.yaml})
 * @param responseTimes priority (P1..P4) → channel (or {@code default}) → how long until the action is due;
 *                   P1 counts every hour, the others count staffed hours only
 * @param holdingReplyWithin outside staffed hours, how soon the holding reply is due
 */
public record BrandSettings(String brand, String source, StaffedHours staffedHours,
                            Map<String, Map<String, Duration>> responseTimes, Duration holdingReplyWithin,
                            ReachThresholds reach, AdvocateThresholds advocates,
                            RepeatComplaintThresholds repeatComplaints, CrisisThresholds crisis) {

    public BrandSettings {
        responseTimes = Map.copyOf(responseTimes);
    }

    /** A duration as the settings files write it: 15m, 4h, 7d. */
    public static String words(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    /** The response time for a priority on a channel, falling back to the priority's default. */
    public Duration responseTime(String priority, String channel) {
        Map<String, Duration> byChannel = responseTimes.get(priority);
        return byChannel.getOrDefault(channel, byChannel.get("default"));
    }

    /**
     * @param large     followers from which an author's reach is large
     * @param veryLarge followers from which it is very large (journalists, influencers)
     * @param verifiedCountsAs the reach a verified account has at least: {@code ordinary}, {@code large} or {@code very-large}
     */
    public record ReachThresholds(long large, long veryLarge, String verifiedCountsAs) {
    }

    /**
     * @param positiveMentions     positive mentions (this one included) within {@code within} that make an advocate
     * @param noNegativeWithin     an advocate has posted nothing negative for this long
     */
    public record AdvocateThresholds(int positiveMentions, Duration within, Duration noNegativeWithin) {
    }

    /** @param complaints earlier complaints, none followed by a positive mention, that make the next one urgent */
    public record RepeatComplaintThresholds(int complaints, Duration within) {
    }

    /**
     * @param window            the sliding window a surge is counted in
     * @param baseline          how far back the brand's normal rate is measured
     * @param surgeFactor       a surge is at least this many times the normal number in one window…
     * @param minimumMentions   …and at least this many problem mentions for the brand overall…
     * @param minimumPerIssue   …or at least this many about one issue
     * @param quietPeriod       an incident closes after this long without a related mention
     * @param repeatedQuestions the same question this many times within {@code questionWindow} suggests pinning an answer
     * @param notIssues         topic and intent ids that say how, not what, so they never group a wave
     */
    public record CrisisThresholds(Duration window, Duration baseline, double surgeFactor, int minimumMentions,
                                   int minimumPerIssue, Duration quietPeriod, int repeatedQuestions,
                                   Duration questionWindow, List<String> notIssues) {
        public CrisisThresholds {
            notIssues = List.copyOf(notIssues);
        }
    }
}
