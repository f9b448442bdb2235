package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API key: its hash, never its secret. */
@Entity
@Table(name = "api_key")
class ApiKeyRecord {

    @Id
    @Column(name = "key_id", length = 36)
    String keyId;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "role", length = 16, nullable = false)
    String role;

    @Column(name = "key_hash", length = 64, nullable = false, unique = true)
    String keyHash;

    @Column(name = "rate_limit")
    Integer rateLimit;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "revoked_at")
    Instant revokedAt;

    protected ApiKeyRecord() {
    }
}
