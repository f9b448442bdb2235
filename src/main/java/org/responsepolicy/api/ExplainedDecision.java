package org.responsepolicy.api;

import java.util.List;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.Highlights;

/** A decision and where its evidence stands in its masked text ({@code highlights}: apart or nested). */
public record ExplainedDecision(Decision decision, List<Highlights.Highlight> highlights) {

    static ExplainedDecision of(Decision decision) {
        return new ExplainedDecision(decision, Highlights.of(decision));
    }
}
