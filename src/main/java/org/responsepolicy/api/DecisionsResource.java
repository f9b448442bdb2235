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

/** Looking up stored decisions: {@code GET /v1/decisions/{id}} and searching them with {@code GET /v1/decisions?…}. */
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

    /**
     * With {@code brand} and {@code mentionId}: the decision for that mention (zero or one). Otherwise the newest
     * decisions matching every filter given: brand, an action (type, and queue of that same action), a policy that
     * gave a reason, and when it was evaluated ({@code from} inclusive, {@code to} exclusive).
     */
    @GET
    public DecisionList search(@QueryParam("brand") String brand, @QueryParam("mentionId") String mentionId,
                               @QueryParam("action") String action, @QueryParam("queue") String queue,
                               @QueryParam("policy") String policy, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("limit") String limit) {
        if (mentionId != null && !mentionId.isEmpty()) {
            if (QueryParameters.text(brand) == null) {
                throw new ApiException(400, "invalid_query", "Invalid query",
                        "A mention id is unique per brand: add 'brand', e.g. /v1/decisions?brand=acme-bank&mentionId=123.");
            }
            return new DecisionList(decisions.findByMention(brand, mentionId)
                    .map(r -> List.of(r.decision())).orElse(List.of()));
        }
        java.time.Instant start = QueryParameters.instant("from", from);
        java.time.Instant end = QueryParameters.instant("to", to);
        QueryParameters.requireBefore(start, end);
        return new DecisionList(decisions.search(new DecisionLog.Search(QueryParameters.text(brand),
                actionType(action), QueryParameters.text(queue), QueryParameters.text(policy), start, end,
                parseLimit(limit))));
    }

    private static String actionType(String action) {
        String type = QueryParameters.text(action);
        if (type == null) {
            return null;
        }
        try {
            return org.responsepolicy.engine.facts.ActionType.valueOf(type).name();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_query", "Invalid query", "'action' must be one of "
                    + java.util.Arrays.toString(org.responsepolicy.engine.facts.ActionType.values()) + ".");
        }
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
