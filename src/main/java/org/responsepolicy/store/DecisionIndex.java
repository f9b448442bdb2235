package org.responsepolicy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.responsepolicy.evaluation.Decision;

/**
 * The rows beside a decision's JSON that make it searchable and countable: one per action
 * ({@code decision_action}), naming the policies that gave it a reason. Written as multi-row INSERTs per
 * transaction, however many decisions it holds: a Hibernate collection per decision alternated statements and
 * sent them in small batches, which cut group-commit throughput by more than half.
 */
final class DecisionIndex {

    static final int QUEUE_LENGTH = 100;
    static final int POLICIES_LENGTH = 1000;

    private record ActionRow(String decisionId, int position, String type, String queue, String priority,
                             Instant dueBy, String policies) {
    }

    private final List<ActionRow> actions = new ArrayList<>();

    /** Adds a decision's rows. */
    void add(Decision decision) {
        int position = 0;
        for (Decision.ActionView a : decision.actions()) {
            Set<String> policies = new LinkedHashSet<>();
            a.reasons().stream().filter(r -> r.policy() != null).forEach(r -> policies.add(r.policy()));
            addAction(decision.decisionId(), position++, a.type(), a.queue(), a.priority(), a.dueBy(), policies);
        }
    }

    void addAction(String decisionId, int position, String type, String queue, String priority, Instant dueBy,
                   Collection<String> policies) {
        actions.add(new ActionRow(decisionId, position, type, Columns.fit(queue, QUEUE_LENGTH), priority, dueBy,
                Columns.fit(policiesColumn(policies), POLICIES_LENGTH)));
    }

    /** ",a,b,": a policy is found by its name between commas. */
    static String policiesColumn(Collection<String> policies) {
        return policies.isEmpty() ? "," : "," + String.join(",", policies) + ",";
    }

    /** The LIKE pattern that finds a policy in {@link #policiesColumn}, escaped with '!'. */
    static String policyPattern(String policy) {
        return "%," + policy.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%";
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    /** Rows per INSERT: one statement with many VALUES lists is far cheaper for the database than one per row. */
    private static final int ROWS_PER_STATEMENT = 250;

    /** Inserts what was added, on the caller's connection and transaction. */
    void write(Connection connection) throws SQLException {
        for (int from = 0; from < actions.size(); from += ROWS_PER_STATEMENT) {
            List<ActionRow> chunk = actions.subList(from, Math.min(actions.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO decision_action (decision_id, position, action_type,"
                    + " queue, priority, due_by, policies) VALUES ");
            sql.append(String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?)")));
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 0;
                for (ActionRow a : chunk) {
                    insert.setString(++p, a.decisionId());
                    insert.setInt(++p, a.position());
                    insert.setString(++p, a.type());
                    insert.setString(++p, a.queue());
                    insert.setString(++p, a.priority());
                    if (a.dueBy() == null) {
                        insert.setNull(++p, Types.TIMESTAMP);
                    } else {
                        // UTC wall-clock time, as Hibernate stores every instant here (jdbc time zone UTC).
                        insert.setObject(++p, LocalDateTime.ofInstant(a.dueBy(), ZoneOffset.UTC));
                    }
                    insert.setString(++p, a.policies());
                }
                insert.executeUpdate();
            }
        }
    }
}
