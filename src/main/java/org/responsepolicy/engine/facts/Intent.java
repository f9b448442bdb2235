package org.responsepolicy.engine.facts;

import java.util.List;

/** What the author wants, e.g. {@code question}, {@code suggestion}, {@code account_issue}. */
public record Intent(String id, List<String> evidence) {

    public Intent {
        evidence = List.copyOf(evidence);
    }

    public String describe() {
        return "intent " + id + " (matched: " + String.join(", ", evidence) + ")";
    }
}
