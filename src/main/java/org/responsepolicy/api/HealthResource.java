package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /health}: UP when rules are loaded and the decision store answers; 503 otherwise. */
@Path("/health")
@Access.Public
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final ApiDependencies dependencies;

    @Inject
    HealthResource(ApiDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @GET
    public Response health() {
        boolean store = dependencies.storeReachable().getAsBoolean();
        Health h = new Health(store ? "UP" : "DOWN", dependencies.rules().get().version(), store ? "UP" : "DOWN");
        return Response.status(store ? 200 : 503).entity(h).build();
    }

    /** @param database UP or DOWN */
    public record Health(String status, String rulesetVersion, String database) {
    }
}
