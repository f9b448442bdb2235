package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One action of a stored decision, kept beside its JSON so decisions can be searched and counted by it. */
@Embeddable
class DecisionActionRow {

    static final int QUEUE_LENGTH = 100;

    @Column(name = "action_type", length = 40, nullable = false)
    String type;

    @Column(name = "queue", length = QUEUE_LENGTH, nullable = false)
    String queue;

    @Column(name = "priority", length = 8, nullable = false)
    String priority;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "due_by")
    Instant dueBy;

    protected DecisionActionRow() {
    }

    DecisionActionRow(String type, String queue, String priority, Instant dueBy) {
        this.type = type;
        this.queue = Columns.fit(queue, QUEUE_LENGTH);
        this.priority = priority;
        this.dueBy = dueBy;
    }
}
