package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored rule-set version: the content of all its files, as JSON (path → base64). */
@Entity
@Table(name = "ruleset_version")
class RuleSetVersionRecord {

    @Id
    @Column(name = "version", length = 64)
    String version;

    @Lob
    @Column(name = "files_json", nullable = false, length = 100_000_000)
    String filesJson;

    @Column(name = "file_count", nullable = false)
    int fileCount;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "first_activated_at", nullable = false)
    Instant firstActivatedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "last_activated_at", nullable = false)
    Instant lastActivatedAt;

    @Column(name = "last_trigger", length = 32, nullable = false)
    String lastTrigger;

    protected RuleSetVersionRecord() {
    }
}
