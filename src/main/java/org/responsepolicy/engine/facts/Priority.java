package org.responsepolicy.engine.facts;

/** P1 is the most urgent. */
public enum Priority {
    P1, P2, P3, P4;

    public boolean moreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
