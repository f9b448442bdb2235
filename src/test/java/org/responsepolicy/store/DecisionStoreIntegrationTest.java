package org.responsepolicy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.responsepolicy.app.Json;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.MariaDb;

/** The decision store against embedded H2 and the real MariaDB server: same behaviour on both. */
class DecisionStoreIntegrationTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String IBAN = "PL61 1090 1014 0000 0712 1981 2874";
    private static final String EMAIL = "anna.nowak@example.com";

    private final AtomicInteger ids = new AtomicInteger();
    private final Evaluator evaluator = new Evaluator(
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), () -> "decision-" + ids.incrementAndGet());

    @Test
    void storesAndReadsBackDecisionsOnH2() throws Exception {
        DatabaseConfig h2 = DatabaseConfig.embedded(Files.createTempDirectory("rps-store-"));
        exerciseStore(h2);
    }

    @Test
    void storesAndReadsBackDecisionsOnMariaDb() throws Exception {
        try (MariaDb mariaDb = MariaDb.createDatabase()) {
            exerciseStore(mariaDb.config());
        }
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDecisions() throws Exception {
        DatabaseConfig h2 = DatabaseConfig.embedded(Files.createTempDirectory("rps-store-"));
        MentionInput mention = mention("m-keep", "Dziękuję, świetna obsługa!");
        Decision d = evaluator.evaluate(mention, BundledRules.get());
        try (Database db = Database.open(h2)) {
            db.decisionLog(Json.newMapper()).record(d, "f", mention);
        }
        try (Database db = Database.open(h2)) {
            assertEquals(d, db.decisionLog(Json.newMapper()).findById(d.decisionId()).orElseThrow());
        }
    }

    private void exerciseStore(DatabaseConfig config) throws Exception {
        try (Database db = Database.open(config)) {
            DecisionLog log = db.decisionLog(Json.newMapper());
            MentionInput mention = mention("m-1", "Zablokowaliście mi kartę " + CARD + ", konto " + IBAN
                    + ", pisać na " + EMAIL + ". Skandal!");
            Decision decision = evaluator.evaluate(mention, BundledRules.get());
            log.record(decision, "fingerprint-1", mention);

            // read back exactly what was decided
            assertEquals(decision, log.findById(decision.decisionId()).orElseThrow());
            DecisionLog.Recorded byMention = log.findByMention("acme-bank", "m-1").orElseThrow();
            assertEquals(decision, byMention.decision());
            assertEquals("fingerprint-1", byMention.textFingerprint());
            assertTrue(log.findByMention("other-bank", "m-1").isEmpty());

            // the same brand and mention id cannot be stored twice
            Decision again = evaluator.evaluate(mention, BundledRules.get());
            assertThrows(DecisionLog.AlreadyRecordedException.class, () -> log.record(again, "fingerprint-1", mention));

            // newest first, per brand
            MentionInput second = mention("m-2", "Thanks, great app!");
            Decision later = new Evaluator(Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), ZoneOffset.UTC),
                    () -> "decision-later-" + config.url().hashCode()).evaluate(second, BundledRules.get());
            log.record(later, "fingerprint-2", second);
            List<Decision> newest = log.findByBrand("acme-bank", 10);
            assertEquals(List.of(later.decisionId(), decision.decisionId()),
                    newest.stream().map(Decision::decisionId).toList());
            assertEquals(1, log.findByBrand("acme-bank", 1).size());

            assertStoredRowsHoldNoUnmaskedPersonalData(config);
        }
    }

    private static void assertStoredRowsHoldNoUnmaskedPersonalData(DatabaseConfig config) throws Exception {
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM decision")) {
            ResultSetMetaData meta = rows.getMetaData();
            int checked = 0;
            while (rows.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rows.getString(i);
                    if (value == null) {
                        continue;
                    }
                    String digits = value.replaceAll("[^0-9]", "");
                    assertFalse(value.contains(CARD) || digits.contains("4111111111111111"),
                            "card number stored unmasked in " + meta.getColumnName(i));
                    assertFalse(digits.contains("61109010140000071219812874"),
                            "IBAN stored unmasked in " + meta.getColumnName(i));
                    assertFalse(value.contains(EMAIL), "e-mail stored unmasked in " + meta.getColumnName(i));
                }
                checked++;
            }
            assertTrue(checked >= 1);
        }
    }

    private static MentionInput mention(String id, String text) {
        return new MentionInput(id, "acme-bank", "facebook", "public", text, null, null,
                new MentionInput.Author("u1", "anowak", "Anna Nowak", 150L, false),
                OffsetDateTime.parse("2026-11-23T09:55:00Z"), null, null);
    }
}
