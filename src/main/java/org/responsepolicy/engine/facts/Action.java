package org.responsepolicy.engine.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * An action a rule recommends. Rules build one fluently and insert it:
 * <pre>
 * insert( Action.recommend(ActionType.RESPOND_PUBLICLY)
 *             .queue("social-care").priority(Priority.P2)
 *             .because(drools, $m.sentimentEvidence()) );
 * </pre>
 * {@code because(drools, ...)} records the firing rule's {@code @policy} and {@code @description}
 * so the decision can explain itself. The deadline is not set here: it follows from the priority and channel
 * under the brand's settings ({@code rules/brands/}). Mutable on purpose: later rules may change it with
 * {@code modify}.
 */
public final class Action {

    private final ActionType type;
    private String queue = "social-care";
    private Priority priority = Priority.P3;
    private boolean requiresApproval;
    private String replyTemplate;
    private final List<Reason> reasons = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    private Action(ActionType type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static Action recommend(ActionType type) {
        return new Action(type);
    }

    public Action queue(String queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        return this;
    }

    public Action priority(Priority priority) {
        this.priority = Objects.requireNonNull(priority, "priority");
        return this;
    }

    /** The id of the reply template (in {@code rules/templates/}) that drafts this action's message. */
    public Action reply(String templateId) {
        this.replyTemplate = templateId;
        return this;
    }

    /** Records the calling rule's metadata and the evidence that made it fire. */
    public Action because(RuleContext drools, String... evidence) {
        Reason reason = reasonFrom(drools.getRule(), Arrays.asList(evidence));
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        return this;
    }

    /** Marks the action as waiting for compliance approval, with the calling rule as a reason. */
    public void requireApproval(RuleContext drools, String... evidence) {
        requiresApproval = true;
        because(drools, evidence);
    }

    /** Whether {@code urgent} is more urgent than the action is now: only then is a {@code modify} needed. */
    public boolean wouldRaise(Priority urgent) {
        return urgent.moreUrgentThan(priority);
    }

    /** Raises the priority (never lowers it), with the calling rule as a reason. */
    public void escalateTo(Priority urgent, RuleContext drools, String... evidence) {
        if (urgent.moreUrgentThan(priority)) {
            priority = urgent;
        }
        because(drools, evidence);
    }

    /** Marks what kind of work this is, e.g. {@code advocate-engagement}; shown to agents and integrators. */
    public Action label(String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
        return this;
    }

    /** Sends the action to another queue, with the calling rule as a reason. */
    public void routeTo(String newQueue, RuleContext drools, String... evidence) {
        queue = Objects.requireNonNull(newQueue, "queue");
        because(drools, evidence);
    }

    public void setReplyTemplate(String templateId) {
        this.replyTemplate = templateId;
    }

    public ActionType getType() { return type; }
    public String getQueue() { return queue; }
    public Priority getPriority() { return priority; }
    public boolean isRequiresApproval() { return requiresApproval; }
    public String getReplyTemplate() { return replyTemplate; }
    public List<Reason> getReasons() { return List.copyOf(reasons); }
    public List<String> getLabels() { return List.copyOf(labels); }

    private static Reason reasonFrom(Rule rule, List<String> evidence) {
        Map<String, Object> meta = rule.getMetaData();
        return new Reason(
                RuleMetadata.value(meta, "policy"),
                rule.getName(),
                RuleMetadata.value(meta, "description"),
                RuleMetadata.value(meta, "regulation"),
                evidence.stream().filter(Objects::nonNull).toList());
    }


    @Override
    public String toString() {
        return type + "(" + queue + ", " + priority + ")";
    }
}
