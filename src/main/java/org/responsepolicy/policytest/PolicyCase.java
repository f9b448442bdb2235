package org.responsepolicy.policytest;

import java.util.List;
import java.util.Map;

/**
 * One policy test case from {@code rules/tests/*.yaml}: a mention and what the policies must do with it.
 *
 * @param file    where the case is written, relative to the rules folder
 * @param mention the mention, with the same fields as the API body ({@code id} and {@code brand} optional)
 * @param at      when it is evaluated (ISO date-time with offset), or null for {@link #DEFAULT_TIME}
 * @param given   the author's history and the incident under way, as if the database held them; or null
 */
public record PolicyCase(String file, int line, String name, Map<String, Object> mention, Expectation expect,
                         String at, Given given) {

    /** A Wednesday late morning in Warsaw: within every bundled brand's staffed hours. */
    public static final String DEFAULT_TIME = "2026-03-04T11:00:00+01:00";

    /**
     * @param authorHistory counts of the author's earlier mentions, judged by the brand's thresholds
     * @param incident      an open incident the mention belongs to
     */
    public record Given(GivenHistory authorHistory, GivenIncident incident) {
    }

    /**
     * @param positiveMentions      earlier positive mentions within the advocate period
     * @param negativeRecently      whether the author posted anything negative lately
     * @param unresolvedComplaints  earlier complaints with nothing positive since
     */
    public record GivenHistory(int positiveMentions, boolean negativeRecently, int unresolvedComplaints) {
    }

    /** @param kind surge or question; {@code justOpened}: this mention starts it */
    public record GivenIncident(String kind, String issue, boolean justOpened) {
    }

    /**
     * Everything optional; a missing expectation is not checked.
     *
     * @param topics       topic ids that must be detected (others may be too)
     * @param personalData kinds of personal data that must be detected
     * @param actions      each must be matched by a recommended action on every field given
     * @param absent       action types that must not be recommended
     */
    public record Expectation(String language, String sentiment, List<String> topics, List<String> intents,
                              List<String> personalData, List<ExpectedAction> actions, List<String> absent) {

        public Expectation {
            topics = topics == null ? List.of() : topics;
            intents = intents == null ? List.of() : intents;
            personalData = personalData == null ? List.of() : personalData;
            actions = actions == null ? List.of() : actions;
            absent = absent == null ? List.of() : absent;
        }
    }

    public record ExpectedAction(String type, String queue, String priority, Boolean requiresApproval,
                                 String replyTemplate) {
    }
}
