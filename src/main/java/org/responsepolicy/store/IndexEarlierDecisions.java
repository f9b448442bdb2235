package org.responsepolicy.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 7: fills {@code decision_action} (created by V6) for decisions
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
        return "index actions of earlier decisions";
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
                + " WHERE decision_id > ? ORDER BY decision_id LIMIT " + PAGE)) {
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
                DecisionIndex index = new DecisionIndex();
                for (Map.Entry<String, String> d : decisions.entrySet()) {
                    add(index, d.getKey(), json.readTree(d.getValue()));
                    after = d.getKey();
                }
                index.write(connection);
            }
        }
    }

    /** From the stored JSON, field by field: it was written by earlier versions of the server. */
    private static void add(DecisionIndex index, String decisionId, JsonNode decision) {
        int position = 0;
        for (JsonNode a : decision.path("actions")) {
            Set<String> policies = new LinkedHashSet<>();
            for (JsonNode reason : a.path("reasons")) {
                if (reason.hasNonNull("policy")) {
                    policies.add(reason.get("policy").asText());
                }
            }
            index.addAction(decisionId, position++, a.path("type").asText(), a.path("queue").asText(),
                    a.path("priority").asText(), a.hasNonNull("dueBy") ? Instant.parse(a.get("dueBy").asText()) : null,
                    policies);
        }
    }
}
