package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;

/** Looking up stored decisions: {@code GET /v1/decisions/{id}} and {@code GET /v1/decisions?brand=…}. */
@Path("/v1/decisions")
@Access(org.responsepolicy.access.Role.COMPLIANCE)
@Produces(MediaType.APPLICATION_JSON)
public final class DecisionsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DecisionLog decisions;

    @Inject
    DecisionsResource(ApiDependencies dependencies) {
        this.decisions = dependencies.decisions();
    }

    @GET
    @Path("/{decisionId}")
    public Decision byId(@PathParam("decisionId") String decisionId) {
        return decisions.findById(decisionId).orElseThrow(() -> new ApiException(404, "decision_not_found",
                "Decision not found", "There is no decision with id '" + decisionId + "'."));
    }

    /** The decision with its evidence located in the masked text, for reading it as the server saw it. */
    @GET
    @Path("/{decisionId}/explanation")
    public ExplainedDecision explanation(@PathParam("decisionId") String decisionId) {
        return ExplainedDecision.of(byId(decisionId));
    }

    /** With {@code mentionId}: the decision for that mention (zero or one). Without: the brand's newest. */
    @GET
    public DecisionList search(@QueryParam("brand") String brand, @QueryParam("mentionId") String mentionId,
                               @QueryParam("limit") String limit) {
        if (brand == null || brand.isBlank()) {
            throw new ApiException(400, "invalid_query", "Invalid query",
                    "The query parameter 'brand' is required, e.g. /v1/decisions?brand=acme-bank&mentionId=123.");
        }
        if (mentionId != null && !mentionId.isEmpty()) {
            return new DecisionList(decisions.findByMention(brand, mentionId)
                    .map(r -> List.of(r.decision())).orElse(List.of()));
        }
        return new DecisionList(decisions.findByBrand(brand, parseLimit(limit)));
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(400, "invalid_query", "Invalid query",
                "The query parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    public record DecisionList(List<Decision> decisions) {
    }
}
