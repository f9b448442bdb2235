package org.responsepolicy.engine;

import java.util.List;
import org.responsepolicy.engine.facts.ActionType;
import org.responsepolicy.engine.facts.Priority;
import org.responsepolicy.engine.facts.Reason;

/** One action after the policies fired, with every rule that asked for it merged in. */
public record RecommendedAction(
        ActionType type,
        String queue,
        Priority priority,
        boolean requiresApproval,
        String replyTemplate,
        List<Reason> reasons,
        List<String> labels) {

    public RecommendedAction {
        reasons = List.copyOf(reasons);
        labels = List.copyOf(labels);
    }
}
