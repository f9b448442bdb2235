package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One action of a stored decision, for searching and counting; written by {@link DecisionIndex}, only read here. */
@Entity
@Immutable
@Table(name = "decision_action")
@IdClass(DecisionActionRecord.Key.class)
class DecisionActionRecord {

    @Id
    @Column(name = "decision_id", length = 36)
    String decisionId;

    @Id
    @Column(name = "position")
    int position;

    @Column(name = "action_type", length = 40, nullable = false)
    String type;

    @Column(name = "queue", length = DecisionIndex.QUEUE_LENGTH, nullable = false)
    String queue;

    @Column(name = "priority", length = 8, nullable = false)
    String priority;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "due_by")
    Instant dueBy;

    /** ",policy-a,policy-b,": the policies whose rules gave this action a reason. */
    @Column(name = "policies", length = DecisionIndex.POLICIES_LENGTH, nullable = false)
    String policies;

    protected DecisionActionRecord() {
    }

    record Key(String decisionId, int position) implements Serializable {
    }
}
