package org.responsepolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.responsepolicy.engine.facts.ActionType;
import org.responsepolicy.engine.facts.Mention;
import org.responsepolicy.engine.facts.Priority;
import org.responsepolicy.engine.facts.Topic;
import org.responsepolicy.support.BundledRules;

class PolicyEngineTest {

    private final PolicyEngine engine = BundledRules.get().engine();

    private static Mention mention(String sentiment) {
        return new Mention("acme", "twitter", "public", "en", true, sentiment, -0.6, 0.9, "detected", "text", 10, false);
    }

    @Test
    void keepsGivingTheSameAnswerAfterDroolsJitsTheConstraints() {
        // Drools compiles constraints to bytecode after ~20 evaluations; a broken jitted constraint would only show then.
        List<RecommendedAction> first = engine.evaluate(mention("negative"), List.of(), List.of(), List.of());
        for (int i = 0; i < 200; i++) {
            assertEquals(first, engine.evaluate(mention("negative"), List.of(), List.of(), List.of()), "evaluation " + i);
        }
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RecommendedAction>>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String sentiment = i % 2 == 0 ? "negative" : "positive";
                futures.add(pool.submit(() -> engine.evaluate(mention(sentiment), List.of(), List.of(), List.of())));
            }
            for (int i = 0; i < futures.size(); i++) {
                ActionType expected = i % 2 == 0 ? ActionType.RESPOND_PUBLICLY : ActionType.THANK;
                assertEquals(expected, futures.get(i).get().get(0).type());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mergesActionsAskedForBySeveralRulesKeepingEveryReasonAndTheMostUrgentPriority() {
        List<RecommendedAction> actions = engine.evaluate(mention("negative"),
                List.of(new Topic("credit", true, "Consumer Credit Directive", List.of("mortgage"))), List.of(), List.of(
                        new org.responsepolicy.engine.facts.PersonalData("payment_card", "**** 1111")));
        RecommendedAction reply = actions.stream().filter(a -> a.type() == ActionType.RESPOND_PUBLICLY).findFirst().orElseThrow();
        assertEquals(1, actions.stream().filter(a -> a.type() == ActionType.RESPOND_PUBLICLY).count());
        assertEquals(Priority.P1, reply.priority());
        assertTrue(reply.requiresApproval());
        assertTrue(reply.reasons().size() >= 3, reply.reasons().toString());
    }

    @Test
    void stopsARuleThatLoopsForever() throws Exception {
        PolicyEngine looping = PolicyEngine.compile(Map.of("policies/loop.drl", """
                package policies;
                import org.responsepolicy.engine.facts.*;
                rule "Loops"
                    @policy("test") @description("every action asks for another one, forever")
                when
                    Action( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                rule "Seed"
                    @policy("test") @description("inserts one action")
                when
                    Mention( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                """), "loop-test");
        RuleFailureException e = assertThrows(RuleFailureException.class,
                () -> looping.evaluate(mention("positive"), List.of(), List.of(), List.of()));
        assertEquals("firing_budget", e.kind());
        assertEquals("Loops", e.rule());
    }

    @Test
    void aRuleThatThrowsFailsThatEvaluationWithTheRuleNamed() throws Exception {
        PolicyEngine engine = PolicyEngine.compile(Map.of("policies/throws.drl", """
                package policies;
                import org.responsepolicy.engine.facts.*;
                rule "Breaks on praise"
                    @policy("test") @description("throws for positive mentions only")
                when
                    Mention( sentiment == "positive" )
                then
                    throw new IllegalStateException("broken rule");
                end
                rule "Thanks"
                    @policy("test") @description("recommends thanks")
                when
                    Mention( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                """), "throw-test");
        RuleFailureException e = assertThrows(RuleFailureException.class,
                () -> engine.evaluate(mention("positive"), List.of(), List.of(), List.of()));
        assertEquals("rule_failed", e.kind());
        assertEquals("Breaks on praise", e.rule());
        assertEquals("broken rule", e.getCause().getMessage());
        // The same compiled rules keep deciding other mentions.
        assertEquals(1, engine.evaluate(mention("negative"), List.of(), List.of(), List.of()).size());
    }

    @Test
    void anEvaluationThatRunsOutOfTimeStopsBetweenFirings() throws Exception {
        PolicyEngine slow = PolicyEngine.compile(Map.of("policies/slow.drl", """
                package policies;
                import org.responsepolicy.engine.facts.*;
                rule "Slow and endless"
                    @policy("test") @description("each firing takes 20 ms and asks for another")
                when
                    Action( )
                then
                    Thread.sleep(20);
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                rule "Seed"
                    @policy("test") @description("inserts one action")
                when
                    Mention( )
                then
                    insert( Action.recommend(ActionType.THANK).because(drools) );
                end
                """), "slow-test");
        long started = System.nanoTime();
        RuleFailureException e = assertThrows(RuleFailureException.class,
                () -> slow.evaluate(mention("positive"), List.of(), List.of(), List.of(), List.of(), null,
                        new EvaluationBudget(1_000_000, java.time.Duration.ofMillis(200))));
        assertEquals("time_budget", e.kind());
        assertEquals("Slow and endless", e.rule());
        // Stopped by the budget, long before a million firings (generous bound: this is not a timing test).
        assertTrue(System.nanoTime() - started < java.time.Duration.ofSeconds(20).toNanos());
    }
}
