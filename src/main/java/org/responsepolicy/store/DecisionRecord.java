package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored audit row of one decision. The full decision is kept as JSON; a few columns serve lookups. */
@Entity
@Table(name = "decision")
class DecisionRecord {

    /** Sized so Hibernate expects LONGTEXT on MariaDB (an unsized @Lob means TINYTEXT there). */
    private static final int LARGE_TEXT = 100_000_000;

    @Id
    @Column(name = "decision_id", length = 36)
    String decisionId;

    @Column(name = "brand", length = 100, nullable = false)
    String brand;

    @Column(name = "mention_id", length = 200, nullable = false)
    String mentionId;

    @Column(name = "text_fingerprint", length = 64, nullable = false)
    String textFingerprint;

    @Column(name = "ruleset_version", length = 64, nullable = false)
    String rulesetVersion;

    @Column(name = "channel", length = 16, nullable = false)
    String channel;

    @Column(name = "visibility", length = 16, nullable = false)
    String visibility;

    @Column(name = "language", length = 8, nullable = false)
    String language;

    @Column(name = "sentiment", length = 16, nullable = false)
    String sentiment;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "published_at")
    Instant publishedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "evaluated_at", nullable = false)
    Instant evaluatedAt;

    @Column(name = "author_followers")
    Long authorFollowers;

    @Column(name = "author_verified")
    Boolean authorVerified;

    /** The author's pseudonym (see evaluation.AuthorKeys), so erasure can find their decisions. */
    @Column(name = "author_key", length = 64)
    String authorKey;

    @Lob
    @Column(name = "masked_text", nullable = false, length = LARGE_TEXT)
    String maskedText;

    @Lob
    @Column(name = "decision_json", nullable = false, length = LARGE_TEXT)
    String decisionJson;

    protected DecisionRecord() {
    }
}
