package org.responsepolicy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.evaluation.RecordingEvaluator;

/** {@code POST /v1/mentions/evaluate} and {@code /evaluate-batch}. */
@Path("/v1/mentions")
@Access(org.responsepolicy.access.Role.EVALUATE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class MentionsResource {

    static final int MAX_BATCH = 1_000;
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final RecordingEvaluator evaluator;
    private final java.util.function.BooleanSupplier storeReachable;

    private final org.responsepolicy.metrics.Metrics metrics;

    @Inject
    MentionsResource(ApiDependencies dependencies) {
        this.evaluator = dependencies.evaluator();
        this.metrics = dependencies.metrics();
        this.storeReachable = dependencies.storeReachable();
        this.dryRunEvaluator = dependencies.plainEvaluator();
        this.rules = dependencies.rules();
    }

    private final org.responsepolicy.evaluation.Evaluator dryRunEvaluator;
    private final org.responsepolicy.ruleset.ActiveRuleSet rules;

    @POST
    @Path("/evaluate")
    public Response evaluate(JsonNode body) {
        requireStore();
        RecordingEvaluator.Outcome outcome = evaluator.evaluate(MentionReader.read(body, ""));
        RequestLog.decided(outcome.decision());
        counted(outcome);
        return Response.ok(outcome.decision()).header(REPLAYED_HEADER, outcome.replayed()).build();
    }

    /**
     * What the policies would decide, with the evidence located in the masked text; nothing is stored, counted
     * or remembered, so the author's history and any incident play no part. For the console's playground.
     */
    @POST
    @Path("/dry-run")
    @Access({org.responsepolicy.access.Role.EVALUATE, org.responsepolicy.access.Role.COMPLIANCE})
    public ExplainedDecision dryRun(JsonNode body) {
        return ExplainedDecision.of(dryRunEvaluator.dryRun(MentionReader.read(body, ""), rules.get()));
    }

    /** One result per mention, in order; a bad mention gets its own problem and does not fail the others. */
    @POST
    @Path("/evaluate-batch")
    public BatchResponse evaluateBatch(JsonNode body) {
        requireStore();
        JsonNode mentions = body == null ? null : body.get("mentions");
        if (mentions == null || !mentions.isArray()) {
            throw new ApiException(400, "invalid_batch", "Invalid batch",
                    "The body must be a JSON object with a 'mentions' array: {\"mentions\": [ … ]}.");
        }
        if (mentions.isEmpty()) {
            throw new ApiException(400, "invalid_batch", "Invalid batch", "The 'mentions' array is empty.");
        }
        if (mentions.size() > MAX_BATCH) {
            throw new ApiException(413, "batch_too_large", "Batch too large",
                    "A batch holds at most " + MAX_BATCH + " mentions; this one has " + mentions.size()
                            + ". Split it into several requests.");
        }
        // Every mention is submitted before any is awaited, so the store commits them together. A mention
        // that cannot be read or analysed stands in the list as a failed future, answered like any other failure.
        List<CompletableFuture<RecordingEvaluator.Outcome>> submitted = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            try {
                submitted.add(evaluator.submit(MentionReader.read(mentions.get(i), "mentions[" + i + "].")));
            } catch (RuntimeException e) {
                submitted.add(CompletableFuture.failedFuture(e));
            }
        }
        List<BatchItem> results = new ArrayList<>(mentions.size());
        for (int i = 0; i < submitted.size(); i++) {
            results.add(item(i, submitted.get(i)));
        }
        return new BatchResponse(results);
    }

    /** A decision made now counts in the metrics; a replay of a stored one does not count again. */
    private void counted(RecordingEvaluator.Outcome outcome) {
        if (!outcome.replayed()) {
            metrics.decided(outcome.decision());
        }
    }

    private BatchItem item(int index, CompletableFuture<RecordingEvaluator.Outcome> submitted) {
        try {
            RecordingEvaluator.Outcome outcome = RecordingEvaluator.await(submitted);
            counted(outcome);
            return new BatchItem(index, 200, outcome.replayed(), outcome.decision(), null);
        } catch (RuntimeException e) {
            Problem problem = (Problem) new ExceptionMappers.ForUnexpected().toResponse(unwrapConflict(e)).getEntity();
            return new BatchItem(index, problem.status(), null, null, problem);
        }
    }

    private static Throwable unwrapConflict(RuntimeException e) {
        if (e instanceof org.responsepolicy.evaluation.IdempotencyConflictException conflict) {
            return new ApiException(409, "idempotency_conflict", "Mention id already used for a different text",
                    conflict.getMessage());
        }
        return e;
    }

    /** While the database is known to be down, answer 503 at once instead of making the caller wait for it. */
    private void requireStore() {
        if (!storeReachable.getAsBoolean()) {
            throw new ExceptionMappers.StoreDown();
        }
    }

    /** @param results one per mention, in the order sent */
    public record BatchResponse(List<BatchItem> results) {
    }

    /**
     * @param status   200, or the status a single request for this mention would have had
     * @param replayed true when the decision was stored earlier for the same brand and id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchItem(int index, int status, Boolean replayed, Decision decision, Problem problem) {
    }
}
