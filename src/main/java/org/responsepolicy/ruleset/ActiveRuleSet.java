package org.responsepolicy.ruleset;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The rule set currently serving. Each evaluation reads it once and finishes on that version even if a
 * newer one is swapped in meanwhile. Thread-safe.
 */
public final class ActiveRuleSet implements Supplier<RuleSet> {

    private final AtomicReference<RuleSet> current;

    public ActiveRuleSet(RuleSet initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public RuleSet get() {
        return current.get();
    }

    public void activate(RuleSet next) {
        current.set(Objects.requireNonNull(next));
    }
}
