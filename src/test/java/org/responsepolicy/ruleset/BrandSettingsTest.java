package org.responsepolicy.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.TestServer;

/** Brand settings as compliance staff write them: defaults, a brand's differences, and located mistakes. */
class BrandSettingsTest {

    @TempDir
    Path copy;

    @Test
    void brandFileChangesOnlyWhatItNamesAndInheritsTheRest() {
        BrandSettings acme = BundledRules.get().brands().settingsFor("acme-bank");
        BrandSettings other = BundledRules.get().brands().settingsFor("some-other-bank");
        assertEquals("default", other.brand());
        assertEquals(20000, acme.reach().large(), "acme-bank sets its own large reach");
        assertEquals(100000, acme.reach().veryLarge(), "and inherits the rest of reach");
        assertEquals(ZoneId.of("Europe/Warsaw"), acme.staffedHours().zone());
        assertEquals(Duration.ofMinutes(30), acme.responseTime("P2", "twitter"));
        assertEquals(Duration.ofHours(1), acme.responseTime("P2", "forum"), "a channel not listed takes the default");
        java.time.Instant sundayNoonWarsaw = java.time.Instant.parse("2026-11-22T11:30:00Z");
        assertTrue(acme.staffedHours().isStaffed(sundayNoonWarsaw), "acme-bank works Sunday afternoons");
        assertTrue(!other.staffedHours().isStaffed(sundayNoonWarsaw), "the default brand does not");
        assertEquals(BundledRules.get().brands().settingsFor("ACME-BANK"), acme, "brand names ignore case");
    }

    @Test
    void reportsEveryMistakeInABrandFileWithItsLine() throws Exception {
        Path folder = TestServer.copyOfBundledRules(copy.resolve("rules"));
        Files.writeString(folder.resolve("brands/bad.yaml"), """
                brand: bad-bank
                timeZone: Europe/Warsow
                staffedHours:
                  funday: "08:00-16:00"
                  monday: "18:00-08:00"
                responseTimes:
                  P2:
                    myspace: 1h
                    twitter: soon
                crisis:
                  surgeFactor: 0.5
                """);
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertProblem(e, 2, "unknown time zone 'Europe/Warsow'");
        assertProblem(e, 4, "'funday' is not a weekday");
        assertProblem(e, 5, "each shift must end after it starts");
        assertProblem(e, 8, "'myspace' is not a channel");
        assertProblem(e, 9, "'soon' is not a duration");
        assertProblem(e, 11, "surgeFactor must be at least 1");
    }

    @Test
    void refusesRulesWithoutDefaultsOrWithMisspelledSetting() throws Exception {
        Path folder = TestServer.copyOfBundledRules(copy.resolve("rules"));
        Files.writeString(folder.resolve("brands/typo.yaml"), "brand: typo-bank\nstaffedHour:\n  monday: closed\n");
        RulesInvalidException typo = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(typo.problems().stream().anyMatch(p -> p.file().equals("brands/typo.yaml")
                && p.message().contains("staffedHour")), typo.getMessage());

        Files.delete(folder.resolve("brands/typo.yaml"));
        Files.delete(folder.resolve("brands/default.yaml"));
        RulesInvalidException missing = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(missing.getMessage().contains("brands/default.yaml is required"), missing.getMessage());
    }

    @Test
    void incompleteDefaultsAreReportedOnceInTheirOwnFileEvenWithBrandFiles() throws Exception {
        Path folder = TestServer.copyOfBundledRules(copy.resolve("rules"));
        Path defaults = folder.resolve("brands/default.yaml");
        Files.writeString(defaults, Files.readString(defaults).replace("timeZone: Europe/Warsaw", "timeZone: Mars/Olympus")
                .replaceAll("(?s)\nresponseTimes:.*?\nafterHours:", "\nafterHours:"));
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("brands/default.yaml")
                && p.message().contains("missing responseTimes")), e.getMessage());
        assertTrue(e.problems().stream().noneMatch(p -> p.file().equals("brands/acme-bank.yaml")),
                "acme-bank.yaml has no mistake of its own: " + e.getMessage());
    }

    @Test
    void twoFilesForOneBrandAreRefused() throws Exception {
        Path folder = TestServer.copyOfBundledRules(copy.resolve("rules"));
        Files.writeString(folder.resolve("brands/acme-copy.yaml"), "brand: ACME-bank\n");
        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> RuleSetLoader.load(folder));
        assertTrue(e.getMessage().contains("is also set in brands/acme-bank.yaml"), e.getMessage());
    }

    private static void assertProblem(RulesInvalidException e, int line, String message) {
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("brands/bad.yaml") && p.line() == line
                && p.message().contains(message)), "no problem at line " + line + " saying " + message + " in "
                + e.problems().stream().map(RuleProblem::toString).toList());
    }
}
