package org.responsepolicy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.responsepolicy.app.Json;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.MariaDb;

/**
 * Upgrading a store that already holds decisions: schema version 7 indexes their actions and policies from
 * their JSON, so they are found by action, queue and policy like new ones. On H2 and on MariaDB.
 */
class IndexEarlierDecisionsIntegrationTest {

    private final ObjectMapper json = Json.newMapper();
    private final Evaluator evaluator = new Evaluator(Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC),
            () -> "early-" + System.nanoTime());

    @Test
    void indexesEarlierDecisionsOnH2() throws Exception {
        upgradesAndIndexes(DatabaseConfig.embedded(Files.createTempDirectory("rps-upgrade-")), "h2");
    }

    @Test
    void indexesEarlierDecisionsOnMariaDb() throws Exception {
        try (MariaDb db = MariaDb.createDatabase()) {
            upgradesAndIndexes(db.config(), "mariadb");
        }
    }

    private void upgradesAndIndexes(DatabaseConfig config, String vendor) throws Exception {
        // given: a store at schema version 5 (before this change) holding two decisions
        Flyway.configure().dataSource(config.url(), config.user(), config.password())
                .locations("classpath:db/migration/" + vendor).target("5").load().migrate();
        Decision escalated = evaluator.evaluate(mention("old-1", "Czy mogę dostać kredyt hipoteczny we frankach?"),
                BundledRules.get());
        Decision thanked = evaluator.evaluate(mention("old-2", "Dziękuję, świetna obsługa, polecam wszystkim!"),
                BundledRules.get());
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            for (Decision d : List.of(escalated, thanked)) {
                insertAsBefore(c, d);
            }
            // More than two pages of the migration's key-ordered reads.
            for (int i = 0; i < MANY; i++) {
                insertAsBefore(c, new Decision(String.format("bulk-%05d", i), "bulk-" + i, "bulk-bank",
                        escalated.rulesetVersion(), escalated.evaluatedAt(), escalated.maskedText(),
                        escalated.analysis(), escalated.actions(), null));
            }
        }

        // when: the server's start (or 'db migrate') brings the schema up to date
        Database.Migration migration = Database.migrate(config);
        assertEquals(List.of("V6 decision actions", "V7 index actions of earlier decisions"),
                migration.applied());

        // then: every earlier decision's actions and policies are rows, and they are searchable by them
        assertEquals((MANY + 1L) * escalated.actions().size() + thanked.actions().size(),
                count(config, "SELECT COUNT(*) FROM decision_action"));
        assertEquals(MANY, count(config, "SELECT COUNT(DISTINCT decision_id) FROM decision_action"
                + " WHERE policies LIKE '%,escalate-regulated,%' AND decision_id LIKE 'bulk-%'"));
        try (Database database = Database.open(config)) {
            DecisionLog log = database.decisionLog(json);
            assertEquals(List.of("old-1"), mentionIds(log, new DecisionLog.Search("acme-bank", "ESCALATE", "compliance", null,
                    null, null, 10)));
            assertEquals(List.of("old-2"), mentionIds(log, new DecisionLog.Search("acme-bank", null, null, "thank-advocates",
                    null, null, 10)));
            assertEquals(500, log.search(new DecisionLog.Search("bulk-bank", "ESCALATE", "compliance",
                    "escalate-regulated", null, null, 500)).size());
            assertEquals(escalated.actions().size() + thanked.actions().size(), database.decisionOverview()
                    .overview(new org.responsepolicy.evaluation.DecisionOverview.Period("acme-bank",
                            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"),
                            org.responsepolicy.evaluation.DecisionOverview.Bucket.DAY, Instant.parse("2026-11-03T00:00:00Z"),
                            ZoneOffset.UTC))
                    .actionsByType().stream().mapToLong(a -> a.count()).sum());
        }
    }

    private static final int MANY = 1_234;

    private static long count(DatabaseConfig config, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
             var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> mentionIds(DecisionLog log, DecisionLog.Search search) {
        return log.search(search).stream().map(Decision::mentionId).toList();
    }

    private static MentionInput mention(String id, String text) {
        return new MentionInput(id, "acme-bank", "facebook", "public", text, null, null, null, null, null, null);
    }

    /** The row as the server wrote it before version 6: the decision and its JSON, nothing beside them. */
    private void insertAsBefore(Connection c, Decision d) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO decision (decision_id, brand, mention_id,"
                + " text_fingerprint, ruleset_version, channel, visibility, language, sentiment, evaluated_at,"
                + " masked_text, decision_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, d.decisionId());
            insert.setString(2, d.brand());
            insert.setString(3, d.mentionId());
            insert.setString(4, "fingerprint");
            insert.setString(5, d.rulesetVersion());
            insert.setString(6, "facebook");
            insert.setString(7, "public");
            insert.setString(8, d.analysis().language());
            insert.setString(9, d.analysis().sentiment().label());
            insert.setTimestamp(10, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(d.evaluatedAt(), ZoneOffset.UTC)));
            insert.setString(11, d.maskedText());
            insert.setString(12, json.writeValueAsString(d));
            insert.executeUpdate();
        }
    }
}
