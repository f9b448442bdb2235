package org.responsepolicy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.responsepolicy.evaluation.Decision;

/**
 * The rows beside a decision's JSON that make it searchable and countable: one per action
 * ({@code decision_action}) and one per policy that gave a reason ({@code decision_policy}). Written as two JDBC
 * batches per transaction, however many decisions it holds: a Hibernate collection per decision alternated two
 * statements and sent them in small batches, which cut group-commit throughput by more than half.
 */
final class DecisionIndex {

    static final int QUEUE_LENGTH = 100;
    static final int POLICY_LENGTH = 100;

    private record ActionRow(String decisionId, int position, String type, String queue, String priority,
                             Instant dueBy) {
    }

    private record PolicyRow(String decisionId, String policy) {
    }

    private final List<ActionRow> actions = new ArrayList<>();
    /** A set: two long names of one decision may be cut to the same. */
    private final Set<PolicyRow> policies = new LinkedHashSet<>();

    /** Adds a decision's rows. */
    void add(Decision decision) {
        int position = 0;
        for (Decision.ActionView a : decision.actions()) {
            addAction(decision.decisionId(), position++, a.type(), a.queue(), a.priority(), a.dueBy());
            a.reasons().stream().filter(r -> r.policy() != null).forEach(r -> addPolicy(decision.decisionId(), r.policy()));
        }
    }

    void addAction(String decisionId, int position, String type, String queue, String priority, Instant dueBy) {
        actions.add(new ActionRow(decisionId, position, type, Columns.fit(queue, QUEUE_LENGTH), priority, dueBy));
    }

    void addPolicy(String decisionId, String policy) {
        policies.add(new PolicyRow(decisionId, Columns.fit(policy, POLICY_LENGTH)));
    }

    boolean isEmpty() {
        return actions.isEmpty() && policies.isEmpty();
    }

    /** Inserts what was added, on the caller's connection and transaction, after the decisions themselves. */
    void write(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO decision_action "
                + "(decision_id, position, action_type, queue, priority, due_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ActionRow a : actions) {
                insert.setString(1, a.decisionId());
                insert.setInt(2, a.position());
                insert.setString(3, a.type());
                insert.setString(4, a.queue());
                insert.setString(5, a.priority());
                if (a.dueBy() == null) {
                    insert.setNull(6, Types.TIMESTAMP);
                } else {
                    // UTC wall-clock time, as Hibernate stores every instant here (jdbc time zone UTC).
                    insert.setObject(6, LocalDateTime.ofInstant(a.dueBy(), ZoneOffset.UTC));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO decision_policy (decision_id, policy) VALUES (?, ?)")) {
            for (PolicyRow p : policies) {
                insert.setString(1, p.decisionId());
                insert.setString(2, p.policy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
