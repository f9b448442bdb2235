/**
 * From a mention to a recorded decision. {@link org.responsepolicy.evaluation.Evaluator} decides;
 * {@link org.responsepolicy.evaluation.RecordingEvaluator} makes it idempotent and durable through a
 * {@link org.responsepolicy.evaluation.DecisionLog}. {@link org.responsepolicy.evaluation.MentionInput} and
 * {@link org.responsepolicy.evaluation.Decision} are the shapes of the public API (see api-spec/openapi.yaml).
 */
package org.responsepolicy.evaluation;
