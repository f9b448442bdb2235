package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited admin action. */
@Entity
@Table(name = "admin_audit")
class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "at", nullable = false)
    Instant at;

    @Column(name = "actor", length = 200, nullable = false)
    String actor;

    @Column(name = "action", length = 64, nullable = false)
    String action;

    @Column(name = "target", length = 300)
    String target;

    @Column(name = "outcome", length = 16, nullable = false)
    String outcome;

    @Column(name = "detail", length = 1000)
    String detail;

    protected AuditRecord() {
    }
}
