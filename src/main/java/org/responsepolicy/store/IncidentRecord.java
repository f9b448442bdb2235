package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored incident: a surge of problem mentions or a question many people ask. */
@Entity
@Table(name = "incident")
class IncidentRecord {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    @Id
    @Column(name = "incident_id", length = 36)
    String incidentId;

    @Column(name = "brand", nullable = false, length = 100)
    String brand;

    @Column(name = "kind", nullable = false, length = 16)
    String kind;

    /** '' for a brand-wide surge. */
    @Column(name = "issue", nullable = false, length = 64)
    String issue;

    @Column(name = "status", nullable = false, length = 16)
    String status;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(name = "opened_by_mention", nullable = false, length = 200)
    String openedByMention;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "detected_at", nullable = false)
    Instant detectedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "last_mention_at", nullable = false)
    Instant lastMentionAt;

    @Column(name = "mentions", nullable = false)
    int mentions;

    @Column(name = "evidence", nullable = false, length = 500)
    String evidence;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "close_reason", length = 32)
    String closeReason;

    protected IncidentRecord() {
    }

    /** Closes an open incident without a related mention for the quiet period before {@code now}. */
    void closeIfQuiet(java.time.Instant now, java.time.Duration quiet) {
        if (status.equals(OPEN) && !lastMentionAt.isAfter(now.minus(quiet))) {
            status = CLOSED;
            closedAt = lastMentionAt.plus(quiet);
            closeReason = "quiet period";
        }
    }

    /** A detached copy to work on without touching the stored one. */
    IncidentRecord copy() {
        IncidentRecord c = new IncidentRecord();
        c.incidentId = incidentId;
        c.brand = brand;
        c.kind = kind;
        c.issue = issue;
        c.openedAt = openedAt;
        c.openedByMention = openedByMention;
        c.detectedAt = detectedAt;
        c.evidence = evidence;
        c.takeStateOf(this);
        return c;
    }

    /** What changes over an incident's life, taken from a copy. */
    void takeStateOf(IncidentRecord other) {
        status = other.status;
        lastMentionAt = other.lastMentionAt;
        mentions = other.mentions;
        closedAt = other.closedAt;
        closeReason = other.closeReason;
    }
}
