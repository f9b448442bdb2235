package org.responsepolicy.ruleset;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.responsepolicy.brand.BrandDirectory;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.brand.StaffedHours;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.facts.Mention;

/**
 * Reads {@code brands/default.yaml} and one file per brand; a brand file lists only what differs from the
 * defaults (maps merge key by key, lists and values replace). Every mistake becomes a located problem.
 */
final class BrandSettingsReader {

    static final String DEFAULTS_FILE = "brands/default.yaml";

    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,6})\\s*(m|min|mins|minutes?|h|hours?|d|days?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHIFT = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");
    private static final Set<String> REACH_LEVELS = Set.of("ordinary", "large", "very-large");

    private BrandSettingsReader() {
    }

    /** @return the directory, or null when there were problems (added to {@code problems}) */
    static BrandDirectory read(Map<String, String> sources, List<RuleProblem> problems) {
        int before = problems.size();
        String defaultsText = sources.get(DEFAULTS_FILE);
        if (defaultsText == null) {
            problems.add(new RuleProblem(DEFAULTS_FILE, 0,
                    "brands/default.yaml is required: it holds the settings every brand starts from"));
            return null;
        }
        BrandFile defaults = YamlFiles.read(DEFAULTS_FILE, defaultsText, BrandFile.class, problems);
        Map<String, BrandFile> brandFiles = new LinkedHashMap<>();
        Map<String, String> brandPaths = new HashMap<>();
        sources.forEach((path, text) -> {
            if (path.equals(DEFAULTS_FILE)) {
                return;
            }
            BrandFile f = YamlFiles.read(path, text, BrandFile.class, problems);
            if (f == null) {
                return;
            }
            if (f.brand() == null || f.brand().isBlank()) {
                problems.add(new RuleProblem(path, 1, "missing 'brand': the brand name as callers send it"));
                return;
            }
            String key = f.brand().strip().toLowerCase(Locale.ROOT);
            if (key.equals(BrandDirectory.DEFAULT)) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "brand:"), "'default' is brands/default.yaml; name the brand"));
            } else if (brandPaths.containsKey(key)) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "brand:"),
                        "brand '" + f.brand() + "' is also set in " + brandPaths.get(key)));
            } else {
                brandPaths.put(key, path);
                brandFiles.put(key, f);
            }
        });
        if (defaults == null) {
            return null;
        }
        if (defaults.brand() != null) {
            problems.add(new RuleProblem(DEFAULTS_FILE, RuleSetLoader.lineOf(defaultsText, "brand:"),
                    "the defaults apply to every brand: remove 'brand', or move this file to brands/<brand>.yaml"));
        }
        BrandSettings defaultSettings = settings(BrandDirectory.DEFAULT, DEFAULTS_FILE, defaults, defaultsText, true, problems);
        Map<String, BrandSettings> byBrand = new HashMap<>();
        brandFiles.forEach((key, f) -> {
            String path = brandPaths.get(key);
            // Checked alone first, so a mistake is reported in the file that makes it; merged only onto valid
            // defaults, so a mistake in the defaults is not reported again under every brand.
            if (checkValues(path, f, sources.get(path), problems) && defaultSettings != null) {
                BrandSettings s = settings(f.brand().strip(), DEFAULTS_FILE + " + " + path, merge(defaults, f),
                        sources.get(path), false, problems);
                if (s != null) {
                    byBrand.put(key, s);
                }
            }
        });
        return problems.size() > before || defaultSettings == null ? null : new BrandDirectory(defaultSettings, byBrand);
    }

    private static BrandSettings settings(String brand, String source, BrandFile f, String text, boolean complete,
                                          List<RuleProblem> problems) {
        String path = source.contains(" + ") ? source.substring(source.indexOf(" + ") + 3) : source;
        if (complete && !checkComplete(path, f, problems)) {
            return null;
        }
        if (!checkValues(path, f, text, problems)) {
            return null;
        }
        ZoneId zone = ZoneId.of(f.timeZone());
        Map<DayOfWeek, List<StaffedHours.Shift>> week = new EnumMap<>(DayOfWeek.class);
        f.staffedHours().forEach((day, hours) -> week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), shifts(hours)));
        Set<LocalDate> holidays = new HashSet<>();
        f.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
        Map<String, Map<String, Duration>> times = new HashMap<>();
        f.responseTimes().forEach((priority, byChannel) -> {
            Map<String, Duration> durations = new HashMap<>();
            byChannel.forEach((channel, d) -> durations.put(channel, duration(d)));
            times.put(priority, durations);
        });
        BrandFile.Crisis c = f.crisis();
        return new BrandSettings(brand, source, new StaffedHours(zone, week, holidays), times,
                duration(f.afterHours().holdingReplyWithin()),
                new BrandSettings.ReachThresholds(f.reach().large(), f.reach().veryLarge(), f.reach().verifiedCountsAs()),
                new BrandSettings.AdvocateThresholds(f.advocates().positiveMentions(), duration(f.advocates().within()),
                        duration(f.advocates().noNegativeWithin())),
                new BrandSettings.RepeatComplaintThresholds(f.repeatComplaints().complaints(),
                        duration(f.repeatComplaints().within())),
                new BrandSettings.CrisisThresholds(duration(c.window()), duration(c.baseline()), c.surgeFactor(),
                        c.minimumMentions(), c.minimumPerIssue(), duration(c.quietPeriod()), c.repeatedQuestions(),
                        duration(c.questionWindow()), c.notIssues()));
    }

    /** The defaults must say everything, so that a brand file can leave anything out. */
    private static boolean checkComplete(String path, BrandFile f, List<RuleProblem> problems) {
        List<String> missing = new ArrayList<>();
        if (f.timeZone() == null) missing.add("timeZone");
        if (f.staffedHours() == null) missing.add("staffedHours");
        if (f.holidays() == null) missing.add("holidays");
        if (f.responseTimes() == null) {
            missing.add("responseTimes");
        } else {
            PRIORITIES.stream().sorted().filter(p -> f.responseTimes().get(p) == null
                    || f.responseTimes().get(p).get("default") == null).forEach(p -> missing.add("responseTimes." + p + ".default"));
        }
        if (f.afterHours() == null || f.afterHours().holdingReplyWithin() == null) missing.add("afterHours.holdingReplyWithin");
        BrandFile.Reach r = f.reach();
        if (r == null || r.large() == null || r.veryLarge() == null || r.verifiedCountsAs() == null) {
            missing.add("reach.large, reach.veryLarge and reach.verifiedCountsAs");
        }
        BrandFile.Advocates a = f.advocates();
        if (a == null || a.positiveMentions() == null || a.within() == null || a.noNegativeWithin() == null) {
            missing.add("advocates.positiveMentions, advocates.within and advocates.noNegativeWithin");
        }
        BrandFile.RepeatComplaints rc = f.repeatComplaints();
        if (rc == null || rc.complaints() == null || rc.within() == null) {
            missing.add("repeatComplaints.complaints and repeatComplaints.within");
        }
        BrandFile.Crisis c = f.crisis();
        if (c == null || c.window() == null || c.baseline() == null || c.surgeFactor() == null
                || c.minimumMentions() == null || c.minimumPerIssue() == null || c.quietPeriod() == null
                || c.repeatedQuestions() == null || c.questionWindow() == null || c.notIssues() == null) {
            missing.add("crisis.window, baseline, surgeFactor, minimumMentions, minimumPerIssue, quietPeriod, "
                    + "repeatedQuestions, questionWindow and notIssues");
        }
        missing.forEach(m -> problems.add(new RuleProblem(path, 0, "missing " + m)));
        return missing.isEmpty();
    }

    /** Checks whatever the file sets; false after adding problems. */
    private static boolean checkValues(String path, BrandFile f, String text, List<RuleProblem> problems) {
        int before = problems.size();
        if (f.timeZone() != null) {
            try {
                ZoneId.of(f.timeZone());
            } catch (DateTimeException e) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "timeZone:"), "unknown time zone '" + f.timeZone()
                        + "'; use a region name such as Europe/Warsaw, Europe/Kyiv or Europe/Budapest"));
            }
        }
        if (f.staffedHours() != null) {
            f.staffedHours().forEach((day, hours) -> {
                try {
                    DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, day + ":"),
                            "'" + day + "' is not a weekday; use monday … sunday"));
                    return;
                }
                try {
                    shifts(hours);
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, day + ":"), day + ": " + e.getMessage()));
                }
            });
        }
        if (f.holidays() != null) {
            f.holidays().forEach(d -> {
                try {
                    LocalDate.parse(String.valueOf(d));
                } catch (DateTimeException e) {
                    problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, String.valueOf(d)),
                            "holiday '" + d + "' is not a date like 2026-12-25"));
                }
            });
        }
        if (f.responseTimes() != null) {
            f.responseTimes().forEach((priority, byChannel) -> {
                if (!PRIORITIES.contains(priority)) {
                    problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, priority + ":"),
                            "responseTimes: '" + priority + "' is not a priority; use P1, P2, P3 or P4"));
                    return;
                }
                if (byChannel == null) {
                    problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, priority + ":"), "responseTimes." + priority + " is empty"));
                    return;
                }
                byChannel.forEach((channel, d) -> {
                    if (!channel.equals("default") && !Mention.CHANNELS.contains(channel)) {
                        problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, channel + ":"), "responseTimes." + priority
                                + ": '" + channel + "' is not a channel; use default or one of " + Mention.CHANNELS));
                    }
                    checkDuration(path, text, "responseTimes." + priority + "." + channel, d, problems);
                });
            });
        }
        if (f.afterHours() != null) {
            checkDuration(path, text, "afterHours.holdingReplyWithin", f.afterHours().holdingReplyWithin(), problems);
        }
        BrandFile.Reach r = f.reach();
        if (r != null) {
            if (r.verifiedCountsAs() != null && !REACH_LEVELS.contains(r.verifiedCountsAs())) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "verifiedCountsAs:"),
                        "reach.verifiedCountsAs must be ordinary, large or very-large"));
            }
            if (r.large() != null && r.large() < 1 || r.veryLarge() != null && r.veryLarge() < 1) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "reach:"), "reach thresholds are follower counts above 0"));
            }
        }
        BrandFile.Advocates a = f.advocates();
        if (a != null) {
            positive(path, text, "positiveMentions", a.positiveMentions(), problems);
            checkDuration(path, text, "advocates.within", a.within(), problems);
            checkDuration(path, text, "advocates.noNegativeWithin", a.noNegativeWithin(), problems);
        }
        BrandFile.RepeatComplaints rc = f.repeatComplaints();
        if (rc != null) {
            positive(path, text, "complaints", rc.complaints(), problems);
            checkDuration(path, text, "repeatComplaints.within", rc.within(), problems);
        }
        BrandFile.Crisis c = f.crisis();
        if (c != null) {
            checkDuration(path, text, "crisis.window", c.window(), problems);
            checkDuration(path, text, "crisis.baseline", c.baseline(), problems);
            checkDuration(path, text, "crisis.quietPeriod", c.quietPeriod(), problems);
            checkDuration(path, text, "crisis.questionWindow", c.questionWindow(), problems);
            positive(path, text, "minimumMentions", c.minimumMentions(), problems);
            positive(path, text, "minimumPerIssue", c.minimumPerIssue(), problems);
            positive(path, text, "repeatedQuestions", c.repeatedQuestions(), problems);
            if (c.surgeFactor() != null && !(c.surgeFactor() >= 1)) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "surgeFactor:"),
                        "crisis.surgeFactor must be at least 1 (a surge is more than the normal rate)"));
            }
            if (c.window() != null && c.baseline() != null && parses(c.window()) && parses(c.baseline())
                    && duration(c.baseline()).compareTo(duration(c.window()).multipliedBy(2)) < 0) {
                problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, "baseline:"),
                        "crisis.baseline must be at least twice crisis.window: the normal rate is measured over many windows"));
            }
        }
        return problems.size() == before;
    }

    private static void positive(String path, String text, String field, Integer value, List<RuleProblem> problems) {
        if (value != null && value < 1) {
            problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, field + ":"), field + " must be at least 1"));
        }
    }

    private static void checkDuration(String path, String text, String field, String value, List<RuleProblem> problems) {
        if (value != null && !parses(value)) {
            String key = field.substring(field.lastIndexOf('.') + 1);
            problems.add(new RuleProblem(path, RuleSetLoader.lineOf(text, key + ":"), field + ": '" + value
                    + "' is not a duration; write a number and a unit, e.g. 15m, 4h or 7d"));
        }
    }

    private static boolean parses(String value) {
        return DURATION.matcher(value.strip()).matches() && !duration(value).isZero();
    }

    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** "closed", "24h", or shifts such as "08:00-20:00" or "08:00-12:00, 13:00-17:00". */
    static List<StaffedHours.Shift> shifts(String hours) {
        if (hours == null) {
            throw new IllegalArgumentException("write shifts like 08:00-20:00, or closed");
        }
        String h = hours.strip().toLowerCase(Locale.ROOT);
        if (h.equals("closed")) {
            return List.of();
        }
        if (h.equals("24h")) {
            return List.of(new StaffedHours.Shift(0, 1440));
        }
        List<StaffedHours.Shift> shifts = new ArrayList<>();
        int lastEnd = -1;
        for (String part : h.split(",")) {
            Matcher m = SHIFT.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + hours + "' is not like 08:00-20:00, 08:00-12:00, 13:00-17:00, 24h or closed");
            }
            int start = minute(m.group(1), m.group(2), hours);
            int end = minute(m.group(3), m.group(4), hours);
            if (start >= end || start <= lastEnd) {
                throw new IllegalArgumentException("'" + hours + "': each shift must end after it starts, in order, "
                        + "within the day (use 24:00 for midnight)");
            }
            shifts.add(new StaffedHours.Shift(start, end));
            lastEnd = end;
        }
        return shifts;
    }

    private static int minute(String hour, String minute, String hours) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (h > 24 || m > 59 || h == 24 && m != 0) {
            throw new IllegalArgumentException("'" + hours + "' has a time that does not exist");
        }
        return h * 60 + m;
    }

    /** Brand values win; maps merge key by key so a brand can change one weekday or one channel. */
    private static BrandFile merge(BrandFile d, BrandFile b) {
        Map<String, Map<String, String>> times = new HashMap<>();
        d.responseTimes().forEach((p, m) -> times.put(p, new HashMap<>(m)));
        if (b.responseTimes() != null) {
            b.responseTimes().forEach((p, m) -> times.computeIfAbsent(p, k -> new HashMap<>()).putAll(m));
        }
        Map<String, String> hours = new HashMap<>(d.staffedHours());
        if (b.staffedHours() != null) {
            hours.putAll(b.staffedHours());
        }
        return new BrandFile(b.brand(), or(b.timeZone(), d.timeZone()), hours, or(b.holidays(), d.holidays()), times,
                b.afterHours() == null ? d.afterHours() : new BrandFile.AfterHours(
                        or(b.afterHours().holdingReplyWithin(), d.afterHours().holdingReplyWithin())),
                b.reach() == null ? d.reach() : new BrandFile.Reach(or(b.reach().large(), d.reach().large()),
                        or(b.reach().veryLarge(), d.reach().veryLarge()),
                        or(b.reach().verifiedCountsAs(), d.reach().verifiedCountsAs())),
                b.advocates() == null ? d.advocates() : new BrandFile.Advocates(
                        or(b.advocates().positiveMentions(), d.advocates().positiveMentions()),
                        or(b.advocates().within(), d.advocates().within()),
                        or(b.advocates().noNegativeWithin(), d.advocates().noNegativeWithin())),
                b.repeatComplaints() == null ? d.repeatComplaints() : new BrandFile.RepeatComplaints(
                        or(b.repeatComplaints().complaints(), d.repeatComplaints().complaints()),
                        or(b.repeatComplaints().within(), d.repeatComplaints().within())),
                b.crisis() == null ? d.crisis() : mergeCrisis(d.crisis(), b.crisis()));
    }

    private static BrandFile.Crisis mergeCrisis(BrandFile.Crisis d, BrandFile.Crisis b) {
        return new BrandFile.Crisis(or(b.window(), d.window()), or(b.baseline(), d.baseline()),
                or(b.surgeFactor(), d.surgeFactor()), or(b.minimumMentions(), d.minimumMentions()),
                or(b.minimumPerIssue(), d.minimumPerIssue()), or(b.quietPeriod(), d.quietPeriod()),
                or(b.repeatedQuestions(), d.repeatedQuestions()), or(b.questionWindow(), d.questionWindow()),
                or(b.notIssues(), d.notIssues()));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** A brand file as written: anything may be left out (the defaults fill it in). */
    record BrandFile(String brand, String timeZone, Map<String, String> staffedHours, List<String> holidays,
                     Map<String, Map<String, String>> responseTimes, AfterHours afterHours, Reach reach,
                     Advocates advocates, RepeatComplaints repeatComplaints, Crisis crisis) {

        record AfterHours(String holdingReplyWithin) {
        }

        record Reach(Long large, Long veryLarge, String verifiedCountsAs) {
        }

        record Advocates(Integer positiveMentions, String within, String noNegativeWithin) {
        }

        record RepeatComplaints(Integer complaints, String within) {
        }

        record Crisis(String window, String baseline, Double surgeFactor, Integer minimumMentions, Integer minimumPerIssue,
                      String quietPeriod, Integer repeatedQuestions, String questionWindow, List<String> notIssues) {
        }
    }
}
