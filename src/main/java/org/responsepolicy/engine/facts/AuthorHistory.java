package org.responsepolicy.engine.facts;

/**
 * What the same author posted about the brand before this mention, judged by the brand's thresholds.
 * Present only when the caller identified the author.
 *
 * @param positiveMentions       positive mentions within the advocate period, this one included
 * @param unresolvedComplaints   earlier complaints within the repeat-complaint period with no positive mention since
 * @param advocate               enough recent praise and nothing negative lately
 * @param repeatedComplaints     enough unresolved earlier complaints to make this one urgent
 * @param evidence               e.g. {@code 3rd positive mention in 90 days, nothing negative in 30 days}
 */
public record AuthorHistory(int positiveMentions, int unresolvedComplaints, boolean advocate,
                            boolean repeatedComplaints, String evidence) {
}
