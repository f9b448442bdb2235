package org.responsepolicy.evaluation;

import java.util.Optional;
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
    private final DecisionLog log;
    private final Supplier<RuleSet> rules;
    private final MentionHistory history;

    public RecordingEvaluator(Evaluator evaluator, DecisionLog log, Supplier<RuleSet> rules, MentionHistory history) {
        this.evaluator = evaluator;
        this.log = log;
        this.rules = rules;
        this.history = history;
    }

    public Outcome evaluate(MentionInput mention) {
        RuleSet ruleSet = rules.get();
        // Masked as detected, not as the caller's language says: a retry that adds or drops "language"
        // is still the same text.
        String fingerprint = fingerprint(ruleSet.analyzer().maskedText(mention.text(), null));
        Optional<Outcome> earlier = replay(mention, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Analysis analysis = evaluator.analyze(mention, ruleSet, null);
        java.time.Instant now = evaluator.now();
        // The author's earlier mentions and any surge this one belongs to shape the decision; signals and
        // decision are stored together or not at all.
        try {
            Decision decision = history.observeAndRecord(evaluator.observed(mention, analysis, ruleSet, now),
                    circumstances -> new MentionHistory.Recording(MaskingGuard.checked(
                            evaluator.decide(mention, analysis, ruleSet, circumstances, now, null), mention.text(),
                            analysis, ruleSet.analyzer()), fingerprint, mention));
            return new Outcome(decision, false);
        } catch (DecisionLog.AlreadyRecordedException raced) {
            return replay(mention, fingerprint).orElseThrow(() -> new IllegalStateException(
                    "decision reported as stored but not found", raced));
        }
    }

    private Optional<Outcome> replay(MentionInput mention, String fingerprint) {
        return log.findByMention(mention.brand(), mention.id()).map(recorded -> {
            if (!recorded.textFingerprint().equals(fingerprint)) {
                throw new IdempotencyConflictException(mention.brand(), mention.id(),
                        recorded.decision().decisionId());
            }
            return new Outcome(recorded.decision(), true);
        });
    }

    /**
     * SHA-256 of the masked text. Hashing the raw text would let anyone holding the database recover a card
     * number by trying the few digits the mask hides; the masked text still tells a retry from a new text.
     */
    static String fingerprint(String maskedText) {
        return Sha256.hex(maskedText);
    }
}
