package org.responsepolicy.access;

import java.time.Instant;
import java.util.List;

/** The record of admin actions: who, what, on what, with what outcome. Never secrets or personal data. */
public interface AuditTrail {

    /**
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     */
    record Entry(Instant at, String actor, String action, String target, String outcome, String detail) {
    }

    void record(Entry entry);

    /** Newest first. */
    List<Entry> recent(int limit);
}
