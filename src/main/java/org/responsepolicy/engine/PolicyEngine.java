package org.responsepolicy.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.responsepolicy.engine.facts.Action;
import org.responsepolicy.engine.facts.Intent;
import org.responsepolicy.engine.facts.Mention;
import org.responsepolicy.engine.facts.PersonalData;
import org.responsepolicy.engine.facts.Reason;
import org.responsepolicy.engine.facts.RuleMetadata;
import org.responsepolicy.engine.facts.Topic;

/**
 * Runs the compiled policies over one mention's facts.
 * This class is thread-safe: the KieBase is shared and read-only, every evaluation gets its own session.
 */
public final class PolicyEngine {

    private final KieBase kieBase;
    /** Sessions are reset and reused: building one per evaluation was a fifth of the rules' cost. */
    private final org.kie.api.runtime.KieSessionsPool sessions;

    private PolicyEngine(KieBase kieBase) {
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /** Compiles the DRL sources (path relative to the rules folder → text). */
    public static PolicyEngine compile(Map<String, String> drlSources, String buildId) throws RulesInvalidException {
        return new PolicyEngine(DrlCompiler.compile(drlSources, buildId));
    }

    public List<RecommendedAction> evaluate(Mention mention, Collection<Topic> topics, Collection<Intent> intents,
                                            Collection<PersonalData> personalData) {
        return evaluate(mention, topics, intents, personalData, null);
    }

    /** @param firedRules told the name of every rule that fires (for test coverage), or null */
    public List<RecommendedAction> evaluate(Mention mention, Collection<Topic> topics, Collection<Intent> intents,
                                            Collection<PersonalData> personalData,
                                            java.util.function.Consumer<String> firedRules) {
        return evaluate(mention, topics, intents, personalData, List.of(), firedRules);
    }

    /**
     * @param circumstances facts about the moment and the author, e.g. {@code Staffing}, {@code Reach},
     *                      {@code AuthorHistory}, {@code Incident}
     * @param firedRules    told the name of every rule that fires (for test coverage), or null
     */
    public List<RecommendedAction> evaluate(Mention mention, Collection<Topic> topics, Collection<Intent> intents,
                                            Collection<PersonalData> personalData, Collection<?> circumstances,
                                            java.util.function.Consumer<String> firedRules) {
        return evaluate(mention, topics, intents, personalData, circumstances, firedRules, EvaluationBudget.DEFAULT);
    }

    /**
     * @throws RuleFailureException when a rule throws or the evaluation exceeds its budget
     */
    public List<RecommendedAction> evaluate(Mention mention, Collection<Topic> topics, Collection<Intent> intents,
                                            Collection<PersonalData> personalData, Collection<?> circumstances,
                                            java.util.function.Consumer<String> firedRules, EvaluationBudget budget) {
        return evaluate(mention, topics, intents, personalData, circumstances, firedRules, budget, RuleFirings.NONE);
    }

    /** @param tally told, once the rules settle, how often each rule fired */
    public List<RecommendedAction> evaluate(Mention mention, Collection<Topic> topics, Collection<Intent> intents,
                                            Collection<PersonalData> personalData, Collection<?> circumstances,
                                            java.util.function.Consumer<String> firedRules, EvaluationBudget budget,
                                            RuleFirings tally) {
        // A session with a listener is not pooled: a reused session must come back exactly as it left.
        KieSession session = firedRules == null ? sessions.newKieSession() : kieBase.newKieSession();
        if (firedRules != null) {
            session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                    firedRules.accept(event.getMatch().getRule().getName());
                }
            });
        }
        try {
            session.insert(mention);
            topics.forEach(session::insert);
            intents.forEach(session::insert);
            personalData.forEach(session::insert);
            circumstances.forEach(session::insert);
            fire(session, budget).forEach(tally::fired);
            List<Action> actions = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Action)) {
                actions.add((Action) o);
            }
            return merge(actions);
        } finally {
            session.dispose();
        }
    }

    /** Fires the agenda within the budget; the filter is consulted before every firing, so time is checked there. */
    private static Map<String, Integer> fire(KieSession session, EvaluationBudget budget) {
        long deadline = System.nanoTime() + budget.maxTime().toNanos();
        Map<String, Integer> firings = new java.util.HashMap<>();
        boolean[] outOfTime = {false};
        int fired;
        try {
            fired = session.fireAllRules(match -> {
                if (outOfTime[0] || System.nanoTime() - deadline > 0) {
                    outOfTime[0] = true;
                    return false;
                }
                firings.merge(match.getRule().getName(), 1, Integer::sum);
                return true;
            }, budget.maxFirings());
        } catch (RuntimeException e) {
            org.kie.api.runtime.rule.ConsequenceException failed = cause(e);
            String rule = failed == null || failed.getMatch() == null ? null : failed.getMatch().getRule().getName();
            Throwable root = failed != null && failed.getCause() != null ? failed.getCause() : e;
            throw new RuleFailureException("rule_failed", rule, "rule '" + rule + "' threw "
                    + root.getClass().getSimpleName(), root);
        }
        String busiest = firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        if (outOfTime[0]) {
            throw new RuleFailureException("time_budget", busiest, "the policies did not settle within "
                    + budget.maxTime().toMillis() + " ms (" + fired + " rule firings; '" + busiest + "' fired most)", null);
        }
        if (fired >= budget.maxFirings()) {
            throw new RuleFailureException("firing_budget", busiest, "the policies fired " + fired
                    + " times without settling: rule '" + busiest + "' fired " + firings.get(busiest) + " times, so a rule loops", null);
        }
        return firings;
    }

    private static org.kie.api.runtime.rule.ConsequenceException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException c) {
                return c;
            }
        }
        return null;
    }

    /** Names of all loaded rules with their metadata, for status pages and checks. */
    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                out.add(new RuleInfo(r.getName(), pkg.getName(), DrlCompiler.sourceOf(r), RuleMetadata.all(r.getMetaData())));
            }
        }
        return out;
    }

    /** Several rules may ask for the same action on the same queue: keep one, most urgent, with all reasons. */
    static List<RecommendedAction> merge(List<Action> actions) {
        Map<String, RecommendedAction> byKey = new LinkedHashMap<>();
        actions.stream()
                .sorted(java.util.Comparator.comparing(Action::getPriority).thenComparing(a -> a.getType().ordinal()))
                .forEach(a -> byKey.merge(a.getType() + "|" + a.getQueue(), toRecommended(a), PolicyEngine::combine));
        return List.copyOf(byKey.values());
    }

    private static RecommendedAction toRecommended(Action a) {
        return new RecommendedAction(a.getType(), a.getQueue(), a.getPriority(),
                a.isRequiresApproval(), a.getReplyTemplate(), a.getReasons(), a.getLabels());
    }

    private static RecommendedAction combine(RecommendedAction first, RecommendedAction second) {
        List<Reason> reasons = new ArrayList<>(first.reasons());
        second.reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
        List<String> labels = new ArrayList<>(first.labels());
        second.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
        return new RecommendedAction(first.type(), first.queue(),
                second.priority().moreUrgentThan(first.priority()) ? second.priority() : first.priority(),
                first.requiresApproval() || second.requiresApproval(),
                first.replyTemplate() != null ? first.replyTemplate() : second.replyTemplate(),
                reasons, labels);
    }


    /** A loaded rule and its metadata ({@code policy}, {@code description}, {@code regulation}, …). */
    /** @param file the file it was written in, relative to the rules folder */
    public record RuleInfo(String name, String packageName, String file, Map<String, String> metadata) {
    }
}
