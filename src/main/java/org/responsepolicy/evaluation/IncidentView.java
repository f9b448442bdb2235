package org.responsepolicy.evaluation;

import java.time.Instant;

/**
 * An incident as the API shows it.
 *
 * @param kind      {@code surge} (a wave of problem mentions) or {@code question} (a question many people ask)
 * @param issue     the topic or intent the wave is about; null for a brand-wide surge
 * @param openedAt  when the mention that started it was posted
 * @param detectedAt when the server opened it (its clock)
 * @param mentions  related mentions so far, the ones that made the surge included
 * @param closeReason {@code quiet period} or {@code closed by hand}
 */
public record IncidentView(String incidentId, String brand, String kind, String issue, String status,
                           Instant openedAt, String openedByMentionId, Instant detectedAt, Instant lastMentionAt,
                           int mentions, String evidence, Instant closedAt, String closeReason) {
}
