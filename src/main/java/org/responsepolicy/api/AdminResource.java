package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.responsepolicy.access.AuditTrail;
import org.responsepolicy.access.Role;
import org.responsepolicy.privacy.Retention;

/** The audit trail ({@code GET /v1/audit}) and retention ({@code POST /v1/retention/purge}). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {

    private final ApiDependencies dependencies;

    @Inject
    AdminResource(ApiDependencies dependencies) {
        this.dependencies = dependencies;
    }

    /** Newest first; {@code limit} 1–500, default 50. */
    @GET
    @Path("/audit")
    @Access(Role.COMPLIANCE)
    public AuditList audit(@QueryParam("limit") String limit) {
        return new AuditList(dependencies.audit().recent(DecisionsResource.parseLimit(limit)));
    }

    /** Purges now what is older than the retention period (the server also does so every hour). */
    @POST
    @Path("/retention/purge")
    @Access(Role.ADMIN)
    public Purge purge(@Context SecurityContext security) {
        Retention.Outcome outcome = dependencies.retention().purgeNow();
        var p = outcome.purged();
        Audit.record(dependencies, security, "retention.purge", "before " + outcome.cutoff(), "ok",
                p.decisions() + " decision(s), " + p.signals() + " history signal(s), " + p.incidents() + " incident(s)");
        return new Purge(dependencies.retention().period().toString(), outcome.cutoff(), p.decisions(), p.signals(),
                p.incidents());
    }

    public record AuditList(List<AuditTrail.Entry> entries) {
    }

    public record Purge(String retention, Instant cutoff, int decisionsPurged, int historySignalsPurged,
                        int incidentsPurged) {
    }
}
