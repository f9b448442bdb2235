package org.responsepolicy.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.brand.StaffedHours;
import org.responsepolicy.engine.RecommendedAction;
import org.responsepolicy.engine.facts.ActionType;
import org.responsepolicy.engine.facts.Priority;
import org.responsepolicy.engine.facts.Staffing;

/**
 * When a mention was posted, seen through the brand's staffed hours: whether anyone was at work, when a person
 * answers, and when each action is due.
 */
final class Moment {

    /** Queues someone watches around the clock, so their deadlines count every hour. */
    static final java.util.Set<String> ROUND_THE_CLOCK_QUEUES = java.util.Set.of("on-call", "crisis");

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.ENGLISH);

    private final BrandSettings settings;
    private final StaffedHours hours;
    private final Instant postedAt;
    private final Instant now;
    private final Instant personFrom;

    Moment(BrandSettings settings, Instant postedAt, Instant now) {
        this.settings = settings;
        this.hours = settings.staffedHours();
        this.postedAt = postedAt;
        this.now = now;
        this.personFrom = hours.nextStaffedStart(postedAt).orElse(postedAt);
    }

    Staffing staffing() {
        boolean staffed = personFrom.equals(postedAt);
        String evidence = "posted " + readable(postedAt) + " (" + hours.zone() + "), staffed hours that day: "
                + hours.describeDay(postedAt) + (staffed ? "" : "; a person answers from " + readable(personFrom));
        return new Staffing(staffed, !staffed && personFrom.isAfter(now), evidence);
    }

    /** When a person will answer: now if the team is at work, else when the next shift starts. */
    ZonedDateTime personAnswersAt() {
        return personFrom.atZone(hours.zone());
    }

    /** Null for NO_ACTION: there is nothing to do, so nothing is due. */
    Deadline deadline(RecommendedAction action, String channel) {
        if (action.type() == ActionType.NO_ACTION) {
            return null;
        }
        if (action.type() == ActionType.HOLDING_REPLY) {
            return new Deadline(postedAt.plus(settings.holdingReplyWithin()),
                    "holding reply: within " + BrandSettings.words(settings.holdingReplyWithin()) + ", around the clock ("
                            + settings.source() + ")");
        }
        Duration within = settings.responseTime(action.priority().name(), channel);
        String rule = action.priority() + (settings.responseTimes().get(action.priority().name()).containsKey(channel)
                ? " on " + channel : "") + ": " + BrandSettings.words(within);
        if (action.priority() == Priority.P1 || ROUND_THE_CLOCK_QUEUES.contains(action.queue())) {
            return new Deadline(postedAt.plus(within), rule + ", around the clock (" + settings.source() + ")");
        }
        boolean staffedNow = personFrom.equals(postedAt);
        return new Deadline(hours.addStaffedTime(postedAt, within), rule + " of staffed time"
                + (staffedNow ? "" : ", counted from " + readable(personFrom) + " when the team is back")
                + " (" + settings.source() + ")");
    }

    private String readable(Instant t) {
        return READABLE.format(t.atZone(hours.zone()));
    }
}
