package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** A policy that gave a reason in a stored decision; written by {@link DecisionIndex}, only read here. */
@Entity
@Immutable
@Table(name = "decision_policy")
@IdClass(DecisionPolicyRecord.Key.class)
class DecisionPolicyRecord {

    @Id
    @Column(name = "decision_id", length = 36)
    String decisionId;

    @Id
    @Column(name = "policy", length = DecisionIndex.POLICY_LENGTH)
    String policy;

    protected DecisionPolicyRecord() {
    }

    record Key(String decisionId, String policy) implements Serializable {
    }
}
