package org.responsepolicy.engine.facts;

import java.util.List;

/**
 * A topic found in the mention, e.g. {@code credit} or {@code fraud}.
 *
 * @param regulated true for topics an agent must not improvise on
 * @param evidence  the words of the mention that matched the topic's word list
 */
public record Topic(String id, boolean regulated, List<String> evidence) {

    public Topic {
        evidence = List.copyOf(evidence);
    }

    public String describe() {
        return "topic " + id + " (matched: " + String.join(", ", evidence) + ")";
    }
}
