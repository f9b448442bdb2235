package org.responsepolicy.policytest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.responsepolicy.engine.PolicyEngine;

/**
 * Which rules and which {@code @regulation} tags no policy test exercises: a rule nobody tests can break
 * unnoticed, and a regulation without a test is one an auditor will ask about.
 */
public record Coverage(int rules, List<String> untestedRules, List<String> untestedRegulations,
                       List<RegulationCoverage> byRegulation) {

    /**
     * @param rules       the rules tagged with this regulation
     * @param testedRules those of them that at least one policy test fires
     * @param cases       policy test cases that fire at least one of them
     */
    public record RegulationCoverage(String regulation, List<String> rules, List<String> testedRules, int cases) {
    }

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
        List<RegulationCoverage> byRegulation = new java.util.ArrayList<>();
        for (String regulation : regulations) {
            List<String> tagged = rules.stream().filter(r -> regulation.equals(r.metadata().get("regulation")))
                    .map(PolicyEngine.RuleInfo::name).distinct().sorted().toList();
            int cases = (int) results.stream().filter(r -> r.firedRules().stream().anyMatch(tagged::contains)).count();
            byRegulation.add(new RegulationCoverage(regulation, tagged,
                    tagged.stream().filter(fired::contains).toList(), cases));
        }
        regulations.removeAll(testedRegulations);
        return new Coverage(rules.size(), List.copyOf(untested), List.copyOf(regulations), List.copyOf(byRegulation));
    }
}
