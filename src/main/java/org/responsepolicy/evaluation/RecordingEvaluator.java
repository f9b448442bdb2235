package org.responsepolicy.evaluation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.ruleset.RuleSet;

/**
 * Evaluates a mention once per brand and mention id, with its circumstances from {@link MentionHistory}, and
 * records the decision before answering:
 * a retry gets the stored decision back; the same key with another text is a conflict. Thread-safe;
 * two concurrent first requests for one key both get the decision that was stored first.
 */
public final class RecordingEvaluator {

    /** The answer, and whether it was replayed from the log rather than made now. */
    public record Outcome(Decision decision, boolean replayed) {
    }

    private final Evaluator evaluator;
    private final Supplier<RuleSet> rules;
    private final MentionHistory history;

    public RecordingEvaluator(Evaluator evaluator, Supplier<RuleSet> rules, MentionHistory history) {
        this.evaluator = evaluator;
        this.rules = rules;
        this.history = history;
    }

    /** Evaluates and stores one mention; returns once its decision is committed. */
    public Outcome evaluate(MentionInput mention) {
        return await(submit(mention));
    }

    /**
     * Analyses the mention on the calling thread and hands it to the history for deciding and storing; the
     * future completes once the decision is committed. A batch submits all its mentions before waiting, so
     * they are stored together.
     */
    public CompletableFuture<Outcome> submit(MentionInput mention) {
        RuleSet ruleSet = rules.get();
        Analysis analysis = evaluator.analyze(mention, ruleSet, null);
        // Masked as detected, not as the caller's language says: a retry that adds or drops "language"
        // is still the same text. Without a caller language the analysis already masked it that way.
        String fingerprint = fingerprint(mention.language() == null
                ? analysis.maskedText() : ruleSet.analyzer().maskedText(mention.text(), null));
        java.time.Instant now = evaluator.now();
        // The author's earlier mentions and any surge this one belongs to shape the decision; signals and
        // decision are stored together or not at all.
        return history.observeAndRecord(evaluator.observed(mention, analysis, ruleSet, now),
                circumstances -> new MentionHistory.Recording(MaskingGuard.checked(
                        evaluator.decide(mention, analysis, ruleSet, circumstances, now, null), mention.text(),
                        analysis, ruleSet.analyzer()), fingerprint, mention))
                .thenApply(stored -> {
                    if (stored.earlier() && !stored.textFingerprint().equals(fingerprint)) {
                        throw new IdempotencyConflictException(mention.brand(), mention.id(),
                                stored.decision().decisionId());
                    }
                    return new Outcome(stored.decision(), stored.earlier());
                });
    }

    /** The outcome, or the exception that deciding or storing threw, as it was thrown. */
    public static Outcome await(CompletableFuture<Outcome> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * SHA-256 of the masked text. Hashing the raw text would let anyone holding the database recover a card
     * number by trying the few digits the mask hides; the masked text still tells a retry from a new text.
     */
    static String fingerprint(String maskedText) {
        return Sha256.hex(maskedText);
    }
}
