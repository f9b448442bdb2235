/**
 * Measures the analysis against hand-labelled mentions: per-language precision and recall for negative
 * sentiment, each personal-data type and each regulated topic, and how often the policies recommend exactly
 * the labelled actions. Entry point: {@link org.responsepolicy.quality.QualityEvaluation}.
 */
package org.responsepolicy.quality;
