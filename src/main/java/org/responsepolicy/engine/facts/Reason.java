package org.responsepolicy.engine.facts;

import java.util.List;

/**
 * Why an action was recommended: the rule's own metadata, verbatim, and what in the mention triggered it.
 */
public record Reason(String policy, String rule, String description, String regulation, List<String> evidence) {

    public Reason {
        evidence = List.copyOf(evidence);
    }
}
