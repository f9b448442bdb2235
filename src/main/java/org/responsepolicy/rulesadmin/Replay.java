package org.responsepolicy.rulesadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.ruleset.RuleSet;

/**
 * What a candidate rule set would have decided for stored mentions, compared with what was decided: the
 * effect of a change on real traffic, before it goes live. Stores nothing and touches no active rules.
 */
public final class Replay {

    static final int MAX_EXAMPLES = 20;

    private Replay() {
    }

    /**
     * @param added            actions the candidate adds, by type
     * @param removed          actions it drops, by type
     * @param priorityChanges  e.g. "RESPOND_PUBLICLY P2 → P1"
     * @param approvalChanges  e.g. "RESPOND_PUBLICLY now needs approval"
     * @param examples         up to 20 changed decisions, before and after
     * @param truncated        more mentions than the limit were stored in the period: the newest were replayed
     */
    public record Report(String candidateVersion, String since, int mentions, boolean truncated, int changed,
                         Map<String, Integer> added, Map<String, Integer> removed, Map<String, Integer> priorityChanges,
                         Map<String, Integer> approvalChanges, List<Example> examples) {
    }

    /** @param before and after: actions as "TYPE queue priority" */
    public record Example(String decisionId, String mentionId, String brand, String maskedText,
                          List<String> before, List<String> after) {
    }

    /**
     * "7d", "24h", "90m", an ISO-8601 duration ("P7D") or an instant ("2026-11-16T00:00:00Z"); never earlier
     * than 1970 (no decision is older, and databases disagree about older dates).
     */
    public static java.time.Instant since(String value, java.time.Instant now) {
        java.time.Instant from = parseSince(value, now);
        if (from.isAfter(now)) {
            throw new IllegalArgumentException("'since' must be in the past");
        }
        return from.isBefore(java.time.Instant.EPOCH) ? java.time.Instant.EPOCH : from;
    }

    private static java.time.Instant parseSince(String value, java.time.Instant now) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([dhm])").matcher(value.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return now.minus(switch (m.group(2)) {
                case "d" -> java.time.Duration.ofDays(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofMinutes(n);
            });
        }
        try {
            return now.minus(java.time.Duration.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.parse(value.strip());
        }
    }

    /** Replays the newest {@code max} decisions stored since {@code from}, saying whether there were more. */
    public static Report run(DecisionLog log, java.time.Instant from, String brandOrNull, int max, RuleSet candidate,
                             Evaluator evaluator) {
        List<DecisionLog.Stored> stored = log.evaluatedSince(from, brandOrNull, max + 1);
        return run(stored.subList(0, Math.min(stored.size(), max)), candidate, evaluator, from.toString(),
                stored.size() > max);
    }

    static Report run(List<DecisionLog.Stored> stored, RuleSet candidate, Evaluator evaluator, String since,
                      boolean truncated) {
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        Map<String, Integer> priorities = new TreeMap<>();
        Map<String, Integer> approvals = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        int changed = 0;
        for (DecisionLog.Stored s : stored) {
            Decision before = s.decision();
            Decision after = evaluator.reevaluate(before, s.channel(), s.visibility(), s.publishedAt(),
                    s.authorFollowers(), s.authorVerified(), candidate);
            Map<String, Decision.ActionView> was = byKey(before.actions());
            Map<String, Decision.ActionView> now = byKey(after.actions());
            boolean differs = false;
            for (String key : now.keySet()) {
                if (!was.containsKey(key)) {
                    added.merge(now.get(key).type(), 1, Integer::sum);
                    differs = true;
                } else {
                    Decision.ActionView a = was.get(key);
                    Decision.ActionView b = now.get(key);
                    if (!a.priority().equals(b.priority())) {
                        priorities.merge(a.type() + " " + a.priority() + " → " + b.priority(), 1, Integer::sum);
                        differs = true;
                    }
                    if (a.requiresApproval() != b.requiresApproval()) {
                        approvals.merge(a.type() + (b.requiresApproval() ? " now needs approval" : " no longer needs approval"),
                                1, Integer::sum);
                        differs = true;
                    }
                }
            }
            for (String key : was.keySet()) {
                if (!now.containsKey(key)) {
                    removed.merge(was.get(key).type(), 1, Integer::sum);
                    differs = true;
                }
            }
            if (differs) {
                changed++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(new Example(before.decisionId(), before.mentionId(), before.brand(), before.maskedText(),
                            describe(before.actions()), describe(after.actions())));
                }
            }
        }
        return new Report(candidate.version(), since, stored.size(), truncated, changed, added, removed, priorities,
                approvals, examples);
    }

    /** An action is the same action when its type and queue are (ESCALATE to compliance ≠ ESCALATE to fraud). */
    private static Map<String, Decision.ActionView> byKey(List<Decision.ActionView> actions) {
        return actions.stream().collect(Collectors.toMap(a -> a.type() + " " + a.queue(), Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    private static List<String> describe(List<Decision.ActionView> actions) {
        return actions.stream().map(a -> a.type() + " " + a.queue() + " " + a.priority()
                + (a.requiresApproval() ? " (approval)" : "")).toList();
    }
}
