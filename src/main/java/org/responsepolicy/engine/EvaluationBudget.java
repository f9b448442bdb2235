package org.responsepolicy.engine;

import java.time.Duration;

/**
 * How much one evaluation may take: rule firings and wall-clock time. A rule set that keeps modifying its own facts
 * would otherwise spin forever and hold a worker.
 */
public record EvaluationBudget(int maxFirings, Duration maxTime) {

    public static final EvaluationBudget DEFAULT = new EvaluationBudget(10_000, Duration.ofSeconds(2));

    public EvaluationBudget {
        if (maxFirings < 1 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("an evaluation budget needs at least one firing and some time");
        }
    }
}
