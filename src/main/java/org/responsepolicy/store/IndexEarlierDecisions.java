package org.responsepolicy.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 7: fills {@code decision_action} and {@code decision_policy} (created by V6) for decisions
 * stored before them, from each decision's JSON, so older decisions can be searched like new ones.
 */
final class IndexEarlierDecisions implements JavaMigration {

    private static final int PAGE = 500;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "index actions and policies of earlier decisions";
    }

    @Override
    public Integer getChecksum() {
        return 7;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement page = connection.prepareStatement("SELECT decision_id, decision_json FROM decision"
                     + " WHERE decision_id > ? ORDER BY decision_id LIMIT " + PAGE);
             PreparedStatement action = connection.prepareStatement("INSERT INTO decision_action "
                     + "(decision_id, position, action_type, queue, priority, due_by) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement policy = connection.prepareStatement(
                     "INSERT INTO decision_policy (decision_id, policy) VALUES (?, ?)")) {
            // Page by key, each page read whole before its rows are written: a streamed read left open while
            // writing makes the MariaDB driver buffer the rest of the table in memory.
            String after = "";
            while (true) {
                Map<String, String> decisions = new LinkedHashMap<>();
                page.setString(1, after);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        decisions.put(rows.getString(1), rows.getString(2));
                    }
                }
                if (decisions.isEmpty()) {
                    return;
                }
                for (Map.Entry<String, String> d : decisions.entrySet()) {
                    index(d.getKey(), json.readTree(d.getValue()), action, policy);
                    after = d.getKey();
                }
                action.executeBatch();
                policy.executeBatch();
            }
        }
    }

    private static void index(String decisionId, JsonNode decision, PreparedStatement action, PreparedStatement policy)
            throws java.sql.SQLException {
        Set<String> policies = new LinkedHashSet<>();
        int position = 0;
        for (JsonNode a : decision.path("actions")) {
            action.setString(1, decisionId);
            action.setInt(2, position++);
            action.setString(3, a.path("type").asText());
            action.setString(4, Columns.fit(a.path("queue").asText(), DecisionActionRow.QUEUE_LENGTH));
            action.setString(5, a.path("priority").asText());
            action.setTimestamp(6, a.hasNonNull("dueBy") ? utc(Instant.parse(a.get("dueBy").asText())) : null);
            action.addBatch();
            for (JsonNode reason : a.path("reasons")) {
                if (reason.hasNonNull("policy")) {
                    policies.add(Columns.fit(reason.get("policy").asText(), DecisionRecord.POLICY_LENGTH));
                }
            }
        }
        for (String p : policies) {
            policy.setString(1, decisionId);
            policy.setString(2, p);
            policy.addBatch();
        }
    }

    /** Stored as UTC wall-clock time, the way Hibernate stores every other instant here (jdbc time zone UTC). */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }
}
