package org.responsepolicy.evaluation;

import java.time.Instant;
import java.util.List;
import org.responsepolicy.brand.BrandSettings;

/**
 * Remembers every evaluated mention's signals (author, time, sentiment, issues) and answers from them: the
 * author's history and whether the mention belongs to a surge or a repeated question. Shared by every server
 * instance through the database, so two instances give the same answers.
 */
public interface MentionHistory {

    /**
     * One mention as history sees it.
     *
     * @param authorKey pseudonymous author key (a hash), or null for an anonymous author
     * @param eventAt   when it was posted (publishedAt, never in the future)
     * @param now       the server's clock
     * @param problem   negative (a complaint, an outage report…)
     * @param question  it asks something
     * @param issues    topic and intent ids that group a wave (most specific first)
     */
    record Observed(String brand, String mentionId, String authorKey, Instant eventAt, Instant now, String sentiment,
                    boolean problem, boolean question, List<String> issues, BrandSettings settings) {

        public Observed {
            issues = List.copyOf(issues);
        }
    }

    /**
     * Records the mention (once per brand and mention id: a retry is not counted twice) and tells its
     * circumstances. Thread-safe and safe across server instances sharing one database.
     */
    Circumstances observe(Observed mention);
}
