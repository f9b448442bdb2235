package org.responsepolicy.engine.facts;

import java.util.List;

/**
 * A topic found in the mention, e.g. {@code credit} or {@code fraud}.
 *
 * @param regulated true for topics an agent must not improvise on
 * @param regulation the rules a regulated topic falls under (from its word-list file), or null
 * @param evidence  the words of the mention that matched the topic's word list
 */
public record Topic(String id, boolean regulated, String regulation, List<String> evidence) {

    public Topic {
        evidence = List.copyOf(evidence);
    }

    public String describe() {
        return "topic " + id + (regulation == null ? "" : " [" + regulation + "]")
                + " (matched: " + String.join(", ", evidence) + ")";
    }
}
