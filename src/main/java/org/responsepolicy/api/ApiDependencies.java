package org.responsepolicy.api;

import java.util.function.BooleanSupplier;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.RecordingEvaluator;
import org.responsepolicy.ruleset.ActiveRuleSet;
import org.responsepolicy.rulesadmin.RuleReloader;

/**
 * What the resources need, handed over explicitly by the application's wiring.
 *
 * @param storeReachable whether the decision store answers, for {@code /health}
 * @param reloader       checks and activates rule changes
 * @param plainEvaluator evaluates without storing (replay)
 * @param incidents      what crisis detection opened
 * @param clock          the server's time (incidents close after their quiet period by it)
 * @param access         API keys, roles and rate limits
 * @param audit          where admin actions are recorded
 * @param personalData   erasure
 * @param retention      purges what is older than the retention period
 * @param metrics        what {@code GET /metrics} shows
 * @param overview       counts over stored decisions, for the console
 */
public record ApiDependencies(RecordingEvaluator evaluator, DecisionLog decisions, ActiveRuleSet rules,
                              BooleanSupplier storeReachable, RuleReloader reloader,
                              org.responsepolicy.evaluation.Evaluator plainEvaluator,
                              org.responsepolicy.evaluation.IncidentLog incidents, java.time.Clock clock,
                              org.responsepolicy.access.AccessControl access,
                              org.responsepolicy.access.AuditTrail audit,
                              org.responsepolicy.privacy.PersonalDataStore personalData,
                              org.responsepolicy.privacy.Retention retention,
                              org.responsepolicy.metrics.Metrics metrics,
                              org.responsepolicy.evaluation.DecisionOverview overview) {
}
