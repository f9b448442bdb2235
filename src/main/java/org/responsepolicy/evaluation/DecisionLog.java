package org.responsepolicy.evaluation;

import java.util.List;
import java.util.Optional;

/** Where decisions are kept, so a retried mention gets its first answer back. Implementations are thread-safe. */
public interface DecisionLog {

    /** A stored decision with the fingerprint of the text it was made for. */
    record Recorded(Decision decision, String textFingerprint) {
    }

    Optional<Recorded> findByMention(String brand, String mentionId);

    Optional<Decision> findById(String decisionId);

    /** Newest first. */
    List<Decision> findByBrand(String brand, int limit);

    /**
     * What to look for among stored decisions; a null field does not narrow the search.
     *
     * @param action a decision with at least one action of this type …
     * @param queue  … (the same action) for this queue
     * @param policy a decision in which a rule of this policy gave a reason
     * @param from   evaluated at or after
     * @param to     evaluated before
     */
    record Search(String brand, String action, String queue, String policy, java.time.Instant from,
                  java.time.Instant to, int limit) {
    }

    /** The decisions that match, newest first. */
    List<Decision> search(Search search);

    /** Decisions made since a time (optionally for one brand), newest first, with what replay needs. */
    List<Stored> evaluatedSince(java.time.Instant from, String brandOrNull, int limit);

    /** A stored decision with the mention details kept beside it (reach: null for decisions stored before it was kept). */
    record Stored(Decision decision, String channel, String visibility, java.time.OffsetDateTime publishedAt,
                  Long authorFollowers, Boolean authorVerified) {
    }

    /**
     * Stores a new decision.
     *
     * @throws AlreadyRecordedException when a decision for the same brand and mention id exists
     */
    void record(Decision decision, String textFingerprint, MentionInput mention) throws AlreadyRecordedException;

    /** Another request recorded the same brand and mention id first. */
    final class AlreadyRecordedException extends Exception {
        public AlreadyRecordedException(Throwable cause) {
            super("a decision for this brand and mention id is already stored", cause);
        }
    }
}
