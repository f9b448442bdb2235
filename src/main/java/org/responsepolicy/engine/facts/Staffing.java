package org.responsepolicy.engine.facts;

/**
 * Whether the brand's social-care team was at work when the mention was posted, e.g.
 * {@code Staffing( staffed == false )} for after-hours rules.
 *
 * @param staffed     within staffed hours and not a holiday, in the brand's time zone
 * @param personLater outside staffed hours, whether a person starts again after now (false when a backfilled
 *                    mention's staffed hours have already begun: a holding reply would be stale)
 * @param evidence    e.g. {@code posted Saturday 23:10 (Europe/Warsaw), staffed 09:00-15:00; a person answers from Monday 08:00}
 */
public record Staffing(boolean staffed, boolean personLater, String evidence) {
}
