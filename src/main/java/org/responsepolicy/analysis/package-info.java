/**
 * Enrichment of a mention before the policies run: language, sentiment, personal data, topics and intents.
 * Entry point: {@link org.responsepolicy.analysis.MentionAnalyzer}. Word lists come from {@code rules/};
 * nothing language-specific is hard-coded here except the checksum formats of personal data.
 */
package org.responsepolicy.analysis;
