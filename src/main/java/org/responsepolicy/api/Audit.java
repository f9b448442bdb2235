package org.responsepolicy.api;

import jakarta.ws.rs.core.SecurityContext;
import org.responsepolicy.access.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records an admin action in the audit trail, naming the caller by key, never by secret. */
final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private Audit() {
    }

    static void record(ApiDependencies dependencies, SecurityContext security, String action, String target,
                       String outcome, String detail) {
        AuditTrail.Entry entry = new AuditTrail.Entry(dependencies.clock().instant(),
                AccessFilter.CallerContext.of(security).describe(), action, target, outcome, detail);
        try {
            dependencies.audit().record(entry);
        } catch (RuntimeException e) {
            // The action happened; the log keeps what the audit table could not (e.g. the database is down).
            LOG.error("Could not write the audit entry {} ({})", entry, e.getClass().getSimpleName());
        }
    }
}
