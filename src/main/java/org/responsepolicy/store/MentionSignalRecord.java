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

/** One evaluated mention's signals, once for the mention (issue '') and once per issue it is about. */
@Entity
@Table(name = "mention_signal")
class MentionSignalRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "brand", nullable = false, length = 100)
    String brand;

    @Column(name = "mention_id", nullable = false, length = 200)
    String mentionId;

    @Column(name = "issue", nullable = false, length = 64)
    String issue;

    @Column(name = "author_key", length = 64)
    String authorKey;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "posted_at", nullable = false)
    Instant postedAt;

    @Column(name = "sentiment", nullable = false, length = 16)
    String sentiment;

    @Column(name = "problem", nullable = false)
    boolean problem;

    @Column(name = "question", nullable = false)
    boolean question;

    protected MentionSignalRecord() {
    }

    MentionSignalRecord(String brand, String mentionId, String issue, String authorKey, Instant postedAt,
                        String sentiment, boolean problem, boolean question) {
        this.brand = brand;
        this.mentionId = mentionId;
        this.issue = issue;
        this.authorKey = authorKey;
        this.postedAt = postedAt;
        this.sentiment = sentiment;
        this.problem = problem;
        this.question = question;
    }
}
