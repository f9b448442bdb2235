package org.responsepolicy.engine;

/** Told, after each evaluation, how often each rule fired in it (for the rule-firing metric). */
@FunctionalInterface
public interface RuleFirings {

    RuleFirings NONE = (rule, times) -> { };

    void fired(String rule, int times);
}
