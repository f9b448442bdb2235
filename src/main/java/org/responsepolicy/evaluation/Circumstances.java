package org.responsepolicy.evaluation;

import org.responsepolicy.engine.facts.AuthorHistory;
import org.responsepolicy.engine.facts.Incident;

/**
 * What other mentions say about this one: the author's history and the incident it belongs to, each null when
 * there is none (an anonymous author, quiet times).
 */
public record Circumstances(AuthorHistory authorHistory, Incident incident) {

    /** For dry runs and policy tests: an unknown author on a quiet day. */
    public static final Circumstances NONE = new Circumstances(null, null);
}
