package org.responsepolicy.evaluation;

/** The brand and mention id were already evaluated for a different text. */
public final class IdempotencyConflictException extends RuntimeException {

    private final String existingDecisionId;

    public IdempotencyConflictException(String brand, String mentionId, String existingDecisionId) {
        super("Mention '" + mentionId + "' of brand '" + brand + "' was already evaluated with a different text"
                + " (decision " + existingDecisionId + "). Send a new id for a new mention.");
        this.existingDecisionId = existingDecisionId;
    }

    public String existingDecisionId() {
        return existingDecisionId;
    }
}
