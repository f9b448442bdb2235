package org.responsepolicy.engine.facts;

/**
 * An open incident the mention belongs to: a surge of problem mentions (a crisis), or the same question asked
 * many times. Present only when the mention is part of one.
 *
 * @param id         the incident's id ({@code GET /v1/incidents})
 * @param kind       {@code surge} (a wave of problems) or {@code question} (a question many people ask)
 * @param issue      the topic or intent id the wave is about, or {@code null} for a brand-wide surge
 * @param justOpened this mention started the incident: the one that gets the statement to pin
 * @param evidence   e.g. {@code 12 problem mentions about login_problem in 30m; normal is 0.4}
 */
public record Incident(String id, String kind, String issue, boolean justOpened, String evidence) {

    public boolean isSurge() {
        return "surge".equals(kind);
    }

    public boolean isQuestion() {
        return "question".equals(kind);
    }
}
