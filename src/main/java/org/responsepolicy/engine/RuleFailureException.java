package org.responsepolicy.engine;

/**
 * The policies could not decide about one mention: a rule threw, or the evaluation ran out of its
 * {@link EvaluationBudget}. Only that evaluation fails; the rule set keeps serving others.
 */
public final class RuleFailureException extends RuntimeException {

    /** {@code rule_failed}, {@code firing_budget} or {@code time_budget}. */
    private final String kind;
    private final String rule;

    RuleFailureException(String kind, String rule, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.rule = rule;
    }

    public String kind() {
        return kind;
    }

    /** The rule that threw or fired most, or null if unknown. */
    public String rule() {
        return rule;
    }
}
