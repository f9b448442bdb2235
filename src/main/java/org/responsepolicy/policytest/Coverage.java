package org.responsepolicy.policytest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.responsepolicy.engine.PolicyEngine;

/**
 * Which rules and which {@code @regulation} tags no policy test exercises: a rule nobody tests can break
 * unnoticed, and a regulation without a test is one an auditor will ask about.
 */
public record Coverage(int rules, List<String> untestedRules, List<String> untestedRegulations) {

    public static Coverage of(List<PolicyEngine.RuleInfo> rules, List<PolicyCaseResult> results) {
        Set<String> fired = new TreeSet<>();
        results.forEach(r -> fired.addAll(r.firedRules()));
        Set<String> untested = new TreeSet<>();
        Set<String> regulations = new TreeSet<>();
        Set<String> testedRegulations = new TreeSet<>();
        for (PolicyEngine.RuleInfo rule : rules) {
            String regulation = rule.metadata().get("regulation");
            if (regulation != null) {
                regulations.add(regulation);
            }
            if (fired.contains(rule.name())) {
                if (regulation != null) {
                    testedRegulations.add(regulation);
                }
            } else {
                untested.add(rule.name());
            }
        }
        regulations.removeAll(testedRegulations);
        return new Coverage(rules.size(), List.copyOf(untested), List.copyOf(regulations));
    }
}
