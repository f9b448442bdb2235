package org.responsepolicy.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffedHoursTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    /** Weekdays 08:00-12:00 and 13:00-17:00, closed at weekends, Christmas Day a holiday. */
    private final StaffedHours hours = new StaffedHours(WARSAW, weekdays(List.of(
            new StaffedHours.Shift(8 * 60, 12 * 60), new StaffedHours.Shift(13 * 60, 17 * 60))),
            Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    void countsOnlyStaffedTimeTowardsADeadline() {
        assertEquals(at("2026-11-23T09:00"), hours.addStaffedTime(at("2026-11-20T16:00"), Duration.ofHours(2)),
                "an hour on Friday, the rest on Monday morning");
        assertEquals(at("2026-11-23T13:30"), hours.addStaffedTime(at("2026-11-23T11:30"), Duration.ofHours(1)),
                "the lunch break does not count");
        assertEquals(at("2026-11-23T08:30"), hours.addStaffedTime(at("2026-11-21T23:00"), Duration.ofMinutes(30)));
    }

    @Test
    void holidaysAreClosed() {
        assertFalse(hours.isStaffed(at("2026-12-25T10:00")));
        assertTrue(hours.isStaffed(at("2026-12-24T10:00")));
        assertEquals(at("2026-12-28T08:00"), hours.nextStaffedStart(at("2026-12-24T17:30")).orElseThrow(),
                "Thursday evening, then Christmas Friday and the weekend closed, then Monday");
    }

    @Test
    void openingHoursStayLocalAcrossADaylightSavingChange() {
        // Clocks go back on Sunday 25 October 2026: Monday still opens at 08:00 Warsaw time, now 07:00 UTC.
        assertEquals(Instant.parse("2026-10-26T07:00:00Z"), hours.nextStaffedStart(at("2026-10-24T12:00")).orElseThrow());
        assertEquals(Instant.parse("2026-10-23T06:00:00Z"), hours.nextStaffedStart(at("2026-10-23T07:00")).orElseThrow());
    }

    @Test
    void aBrandNeverStaffedCountsEveryHour() {
        StaffedHours never = new StaffedHours(WARSAW, Map.of(), Set.of());
        assertEquals(at("2026-11-20T17:00"), never.addStaffedTime(at("2026-11-20T16:00"), Duration.ofHours(1)));
        assertTrue(never.nextStaffedStart(at("2026-11-20T16:00")).isEmpty());
    }

    private static Map<DayOfWeek, List<StaffedHours.Shift>> weekdays(List<StaffedHours.Shift> shifts) {
        Map<DayOfWeek, List<StaffedHours.Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(d, shifts);
        }
        return week;
    }

    private static Instant at(String localWarsaw) {
        return LocalDateTime.parse(localWarsaw).atZone(WARSAW).toInstant();
    }
}
