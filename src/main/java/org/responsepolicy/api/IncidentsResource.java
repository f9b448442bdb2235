package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.responsepolicy.evaluation.IncidentLog;
import org.responsepolicy.evaluation.IncidentView;
import org.responsepolicy.ruleset.ActiveRuleSet;

/**
 * Incidents crisis detection opened: {@code GET /v1/incidents}, {@code GET /v1/incidents/{id}} and
 * {@code POST /v1/incidents/{id}/close}.
 */
@Path("/v1/incidents")
@Access({org.responsepolicy.access.Role.EVALUATE, org.responsepolicy.access.Role.COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
public final class IncidentsResource {

    private final IncidentLog incidents;
    private final ActiveRuleSet rules;
    private final Clock clock;
    private final ApiDependencies dependencies;

    @Inject
    IncidentsResource(ApiDependencies dependencies) {
        this.incidents = dependencies.incidents();
        this.rules = dependencies.rules();
        this.clock = dependencies.clock();
        this.dependencies = dependencies;
    }

    /** Newest first; {@code status} open or closed; {@code limit} 1–500, default 50. */
    @GET
    public IncidentList list(@QueryParam("brand") String brand, @QueryParam("status") String status,
                             @QueryParam("limit") String limit) {
        if (status != null && !status.isEmpty() && !status.equals("open") && !status.equals("closed")) {
            throw new ApiException(400, "invalid_query", "Invalid query",
                    "The query parameter 'status' must be 'open' or 'closed'.");
        }
        var brands = rules.get().brands();
        return new IncidentList(incidents.list(brand == null || brand.isEmpty() ? null : brand,
                status == null || status.isEmpty() ? null : status, DecisionsResource.parseLimit(limit), clock.instant(),
                b -> brands.settingsFor(b).crisis().quietPeriod()));
    }

    @GET
    @Path("/{incidentId}")
    public IncidentView byId(@PathParam("incidentId") String incidentId) {
        return incidents.find(incidentId).orElseThrow(() -> notFound(incidentId));
    }

    /** Closes the incident now; closing one already closed changes nothing (safe to retry). */
    @POST
    @Path("/{incidentId}/close")
    @Access(org.responsepolicy.access.Role.COMPLIANCE)
    public IncidentView close(@PathParam("incidentId") String incidentId,
                              @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        IncidentView closed = incidents.close(incidentId, clock.instant()).orElseThrow(() -> notFound(incidentId));
        Audit.record(dependencies, security, "incident.close", incidentId, "ok", null);
        return closed;
    }

    private static ApiException notFound(String incidentId) {
        return new ApiException(404, "incident_not_found", "Incident not found",
                "There is no incident with id '" + incidentId + "'.");
    }

    public record IncidentList(List<IncidentView> incidents) {
    }
}
