package org.responsepolicy.evaluation;

import java.time.Instant;
import java.util.List;
import org.responsepolicy.brand.BrandSettings;

/**
 * Remembers every evaluated mention's signals (author, time, sentiment, issues) and answers from them: the
 * author's history and whether the mention belongs to a surge or a repeated question. Shared by every server
 * instance through the database, so two instances give the same answers.
 */
public interface MentionHistory {

    /**
     * One mention as history sees it.
     *
     * @param authorKey pseudonymous author key (a hash), or null for an anonymous author
     * @param eventAt   when it was posted (publishedAt, never in the future)
     * @param now       the server's clock
     * @param problem   negative (a complaint, an outage report…)
     * @param question  it asks something
     * @param issues    topic and intent ids that group a wave (most specific first)
     */
    record Observed(String brand, String mentionId, String authorKey, Instant eventAt, Instant now, String sentiment,
                    boolean problem, boolean question, List<String> issues, BrandSettings settings) {

        public Observed {
            issues = List.copyOf(issues);
        }
    }

    /** A decision ready to store, with the fingerprint of the text it was made for. */
    record Recording(Decision decision, String textFingerprint, MentionInput mention) {
    }

    /**
     * What became of a submitted mention.
     *
     * @param decision        the stored decision: the one just made, or the one stored earlier for this brand and id
     * @param textFingerprint the fingerprint stored with it
     * @param earlier         true when a decision for this brand and mention id was already stored (a retry)
     */
    record Stored(Decision decision, String textFingerprint, boolean earlier) {
    }

    /**
     * Records the mention's signals, tells {@code decide} its circumstances, and stores the decision it makes,
     * all in one transaction: if deciding or storing fails, nothing of this mention is written (a retry starts
     * clean). When a decision for the same brand and mention id is already stored, nothing is decided and the
     * stored one comes back. The future completes only once the decision is committed (implementations may
     * commit several mentions together), or exceptionally with what {@code decide} or the store threw.
     * Thread-safe and safe across server instances sharing one database.
     */
    java.util.concurrent.CompletableFuture<Stored> observeAndRecord(Observed mention,
                                                                   java.util.function.Function<Circumstances, Recording> decide);
}
