package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.responsepolicy.engine.PolicyEngine;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.rulesadmin.ReloadOutcome;
import org.responsepolicy.rulesadmin.RuleVersionLog;

/** The rules in force and changing them: {@code GET /v1/rules}, {@code /status}, {@code POST /reload}. */
@Path("/v1/rules")
@Access(org.responsepolicy.access.Role.COMPLIANCE)
@Produces(MediaType.APPLICATION_JSON)
public final class RulesResource {

    private final ApiDependencies dependencies;

    @Inject
    RulesResource(ApiDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @GET
    public ActiveRules active() {
        RuleSet r = dependencies.rules().get();
        return new ActiveRules(r.version(), r.files(), r.engine().rules().stream().map(RuleView::from).toList());
    }

    @GET
    @Path("/status")
    public Status status() {
        return new Status(dependencies.rules().get().version(), dependencies.reloader().lastAttempt());
    }

    /**
     * How the active rules passed their own policy tests: which rules and regulations the tests exercise, per
     * regulation, so an auditor's question "is this rule tested?" has an answer.
     */
    @GET
    @Path("/coverage")
    public org.responsepolicy.rulesadmin.TestedVersion coverage() {
        return dependencies.reloader().activeTests();
    }

    /** Reads the rules folder now; 200 when activated or unchanged, 422 with every problem when rejected. */
    @POST
    @Path("/reload")
    @Access(org.responsepolicy.access.Role.ADMIN)
    public Response reload(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        ReloadOutcome outcome = dependencies.reloader().reload("api");
        audit(security, "rules.reload", outcome);
        return answer(outcome, "/v1/rules/reload");
    }

    /**
     * Checks a candidate rule set sent as a zip of the rules folder: compile errors with file and line,
     * and every policy test, with coverage. Activates nothing.
     */
    @POST
    @Path("/validate")
    @jakarta.ws.rs.Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    public ValidationReport validate(java.io.InputStream zip) {
        org.responsepolicy.ruleset.RuleFiles files;
        try {
            files = org.responsepolicy.ruleset.RuleFiles.fromZip(zip, 5_000, 64L * 1024 * 1024);
        } catch (java.io.IOException e) {
            throw new ApiException(400, "invalid_zip", "Invalid zip archive",
                    "The body must be a zip of the rules folder: " + e.getMessage() + ".");
        }
        return ValidationReport.from(dependencies.reloader().check(files));
    }

    /**
     * Re-evaluates the mentions stored since {@code since} with a candidate rule set — a zip in the body, or the
     * rules folder as it is on disk when the body is empty — and reports what would change. Stores nothing.
     */
    @POST
    @Path("/replay")
    @jakarta.ws.rs.Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM, "*/*"})
    public org.responsepolicy.rulesadmin.Replay.Report replay(@jakarta.ws.rs.QueryParam("since") String since,
                                                              @jakarta.ws.rs.QueryParam("brand") String brand,
                                                              java.io.InputStream body) {
        java.time.Instant from;
        try {
            from = org.responsepolicy.rulesadmin.Replay.since(since == null ? "7d" : since, dependencies.clock().instant());
        } catch (RuntimeException e) {
            throw new ApiException(400, "invalid_query", "Invalid query",
                    "'since' must look like 7d, 24h, 90m, P7D or 2026-11-16T00:00:00Z.");
        }
        org.responsepolicy.ruleset.RuleFiles files;
        try {
            byte[] zip = body == null ? new byte[0] : body.readAllBytes();
            files = zip.length == 0 ? org.responsepolicy.ruleset.RuleFiles.read(dependencies.reloader().folder())
                    : org.responsepolicy.ruleset.RuleFiles.fromZip(new java.io.ByteArrayInputStream(zip), 5_000, 64L * 1024 * 1024);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            throw new ApiException(400, "invalid_zip", "No rules to replay",
                    "The body is empty and the rules folder cannot be read (" + e.getMessage() + "): send a zip.");
        } catch (java.io.IOException e) {
            throw new ApiException(400, "invalid_zip", "Invalid zip archive",
                    "The body must be empty (replay the rules folder) or a zip of a rules folder: " + e.getMessage() + ".");
        }
        org.responsepolicy.ruleset.RuleSet candidate;
        try {
            candidate = org.responsepolicy.ruleset.RuleSetLoader.load(files);
        } catch (org.responsepolicy.engine.RulesInvalidException e) {
            throw new ApiException(422, "rules_rejected", "Rules rejected",
                    "The candidate rules do not compile; fix them first (see ruleProblems).")
                    .withRuleProblems(e.problems());
        }
        try {
            return org.responsepolicy.rulesadmin.Replay.run(dependencies.decisions(), from, brand, MAX_REPLAYED,
                    candidate, dependencies.plainEvaluator());
        } catch (IllegalStateException e) {
            throw new ApiException(422, "rules_rejected", "Rules rejected",
                    "The candidate rules fail while evaluating stored mentions: " + e.getMessage() + ".")
                    .withRuleProblems(java.util.List.of(new org.responsepolicy.engine.RuleProblem("policies/", 0,
                            e.getMessage())));
        }
    }

    static final int MAX_REPLAYED = 20_000;

    /** Every version that was active, newest first; any of them can be activated again. */
    @GET
    @Path("/versions")
    public Versions versions() {
        return new Versions(dependencies.rules().get().version(), dependencies.reloader().versions().list());
    }

    /** Rolls back (or forward) to a stored version, with the same checks as a reload. */
    @POST
    @Path("/versions/{version}/activate")
    @Access(org.responsepolicy.access.Role.ADMIN)
    public Response activate(@PathParam("version") String version,
                             @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        ReloadOutcome outcome = dependencies.reloader().rollback(version).orElseThrow(() -> new ApiException(404,
                "version_not_found", "Rule-set version not found",
                "No stored rule-set version '" + version + "'; GET /v1/rules/versions lists them."));
        audit(security, "rules.activate", outcome);
        return answer(outcome, "/v1/rules/versions/" + version + "/activate");
    }

    private void audit(jakarta.ws.rs.core.SecurityContext security, String action, ReloadOutcome outcome) {
        Audit.record(dependencies, security, action, outcome.version(), outcome.rejected() ? "refused" : "ok",
                outcome.result() + "; active version " + outcome.activeVersion()
                        + (outcome.rejected() ? "; " + outcome.problems().size() + " problem(s), "
                        + outcome.testsFailed() + " of " + outcome.testsRun() + " policy tests failed" : ""));
    }

    private static Response answer(ReloadOutcome outcome, String instance) {
        if (outcome.rejected()) {
            Problem p = new Problem(Problem.TYPE_PREFIX + "rules_rejected", "Rules rejected", 422,
                    "The rules were not activated: " + outcome.problems().size() + " problem(s), "
                            + outcome.testsFailed() + " of " + outcome.testsRun() + " policy tests failed. Version "
                            + outcome.activeVersion() + " keeps serving.",
                    "rules_rejected", instance, null, null, outcome.problems());
            return ProblemResponses.of(p);
        }
        return Response.ok(outcome).build();
    }

    /**
     * @param failures the failing policy tests, each with what was expected and what happened
     * @param coverage rules and regulations no test exercises (absent when the rules did not compile)
     */
    public record ValidationReport(boolean valid, String version, List<org.responsepolicy.engine.RuleProblem> problems,
                                   int testsRun, int testsFailed, List<TestFailure> failures,
                                   org.responsepolicy.policytest.Coverage coverage) {

        static ValidationReport from(org.responsepolicy.rulesadmin.Candidate c) {
            return new ValidationReport(c.valid(), c.version(), c.problems(), c.testsRun(), c.testsFailed(),
                    c.results().stream().filter(r -> !r.passed())
                            .map(r -> new TestFailure(r.testCase().file(), r.testCase().line(), r.testCase().name(),
                                    r.failures(), r.actual())).toList(),
                    c.coverage());
        }
    }

    public record TestFailure(String file, int line, String name, List<String> failures, String actual) {
    }

    public record Versions(String activeVersion, List<RuleVersionLog.StoredVersion> versions) {
    }

    /** @param files paths relative to the rules folder */
    public record ActiveRules(String version, List<String> files, List<RuleView> rules) {
    }

    /** @param file where the rule is written, relative to the rules folder */
    public record RuleView(String name, String policy, String description, String regulation, String file) {
        static RuleView from(PolicyEngine.RuleInfo r) {
            return new RuleView(r.name(), r.metadata().get("policy"), r.metadata().get("description"),
                    r.metadata().get("regulation"), r.file());
        }
    }

    /** @param lastAttempt the latest reload (absent before the first) */
    public record Status(String activeVersion, ReloadOutcome lastAttempt) {
    }
}
