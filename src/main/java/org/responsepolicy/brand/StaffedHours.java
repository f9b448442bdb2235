package org.responsepolicy.brand;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a brand's social-care team is at work, in the brand's time zone: intervals per weekday, minus holidays.
 * Immutable and thread-safe.
 */
public final class StaffedHours {

    /** A shift within one day, in minutes after midnight; {@code end} may be 1440 (24:00). */
    public record Shift(int startMinute, int endMinute) {
        public Shift {
            if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
                throw new IllegalArgumentException("a shift must start before it ends, within one day");
            }
        }
    }

    /** Nobody is ever staffed for longer than this ahead: a year of holidays is the worst case. */
    private static final int DAYS_SEARCHED = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Shift>> week;
    private final Set<LocalDate> holidays;

    public StaffedHours(ZoneId zone, Map<DayOfWeek, List<Shift>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = Map.copyOf(week);
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isHoliday(Instant t) {
        return holidays.contains(t.atZone(zone).toLocalDate());
    }

    public boolean isStaffed(Instant t) {
        return nextStaffedStart(t).map(t::equals).orElse(false);
    }

    /** {@code t} itself when staffed at {@code t}, else when the next shift starts; empty if never staffed. */
    public Optional<Instant> nextStaffedStart(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i < DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            for (Shift s : shiftsOn(day)) {
                Instant start = at(day, s.startMinute());
                Instant end = at(day, s.endMinute());
                if (end.isAfter(t)) {
                    return Optional.of(start.isAfter(t) ? start : t);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The moment {@code work} of staffed time has passed after {@code from}: time outside staffed hours does
     * not count. A brand with no staffed hours at all counts every hour.
     */
    public Instant addStaffedTime(Instant from, Duration work) {
        if (nextStaffedStart(from).isEmpty()) {
            return from.plus(work);
        }
        Duration left = work;
        LocalDate day = from.atZone(zone).toLocalDate();
        // Bounded: even a year of work is done long before this many days.
        for (int i = 0; i < DAYS_SEARCHED * 10; i++, day = day.plusDays(1)) {
            for (Shift s : shiftsOn(day)) {
                Instant start = at(day, s.startMinute());
                Instant end = at(day, s.endMinute());
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant counted = start.isAfter(from) ? start : from;
                Duration available = Duration.between(counted, end);
                if (available.compareTo(left) >= 0) {
                    return counted.plus(left);
                }
                left = left.minus(available);
            }
        }
        return from.plus(work);
    }

    /** Today's shifts as written, e.g. {@code 08:00-20:00}, or {@code closed}. */
    public String describeDay(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        if (holidays.contains(day)) {
            return "holiday";
        }
        List<Shift> shifts = week.getOrDefault(day.getDayOfWeek(), List.of());
        if (shifts.isEmpty()) {
            return "closed";
        }
        StringBuilder sb = new StringBuilder();
        for (Shift s : shifts) {
            sb.append(sb.length() == 0 ? "" : ", ").append(clock(s.startMinute())).append('-').append(clock(s.endMinute()));
        }
        return sb.toString();
    }

    private List<Shift> shiftsOn(LocalDate day) {
        return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** A wall-clock time skipped by a daylight-saving change moves forward, as people's clocks do. */
    private Instant at(LocalDate day, int minute) {
        return minute == 1440 ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    }

    private static String clock(int minute) {
        int h = minute / 60;
        int m = minute % 60;
        return (h < 10 ? "0" : "") + h + (m < 10 ? ":0" : ":") + m;
    }
}
