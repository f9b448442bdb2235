package org.responsepolicy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.UUID;
import org.responsepolicy.engine.RuleFailureException;
import org.responsepolicy.evaluation.IdempotencyConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves the API as {@code application/problem+json}. Client mistakes get a 4xx with a
 * message to act on; anything unexpected gets a 5xx with only an id, and the details go to the log.
 */
final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    static Object[] all() {
        return new Object[] {new ForApi(), new ForJson(), new ForConflict(), new ForWebApplication(), new ForUnexpected()};
    }

    static final class ForApi implements ExceptionMapper<ApiException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ApiException e) {
            return ProblemResponses.of(e.toProblem(path(uri)));
        }
    }

    /** Malformed JSON, or a body the JSON reader could not bind. */
    static final class ForJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return ProblemResponses.of(ProblemResponses.problem(400, "malformed_json", "Malformed JSON",
                    "The request body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage())));
        }
    }

    static final class ForConflict implements ExceptionMapper<IdempotencyConflictException> {
        @Override
        public Response toResponse(IdempotencyConflictException e) {
            return ProblemResponses.of(ProblemResponses.problem(409, "idempotency_conflict",
                    "Mention id already used for a different text", e.getMessage()));
        }
    }

    /** Jersey's own refusals: unknown path, wrong method, wrong media type. */
    static final class ForWebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            ApiException cause = findCause(e, ApiException.class);
            if (cause != null) {
                return ProblemResponses.of(cause.toProblem(path(uri)));
            }
            int status = e.getResponse().getStatus();
            Problem p;
            if (e instanceof NotFoundException) {
                p = ProblemResponses.problem(404, "not_found", "Not found",
                        "There is no resource at " + path(uri) + "; see api-spec/openapi.yaml for the endpoints.");
            } else if (e instanceof NotAllowedException) {
                p = ProblemResponses.problem(405, "method_not_allowed", "Method not allowed",
                        "This resource accepts " + e.getResponse().getAllowedMethods() + ".");
            } else if (e instanceof NotSupportedException) {
                p = ProblemResponses.problem(415, "unsupported_media_type", "Unsupported media type",
                        "This media type is not accepted here: send JSON ('Content-Type: application/json') to the "
                                + "mention endpoints, a zip ('Content-Type: application/zip') to /v1/rules/validate "
                                + "and /v1/rules/replay.");
            } else if (status >= 500) {
                return new ForUnexpected().toResponse(e);
            } else {
                p = ProblemResponses.problem(status, "http_" + status,
                        e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
            }
            return ProblemResponses.of(p);
        }
    }

    static final class ForUnexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            ApiException api = findCause(e, ApiException.class);
            if (api != null) {
                return ProblemResponses.of(api.toProblem(null));
            }
            JsonProcessingException json = findCause(e, JsonProcessingException.class);
            if (json != null) {
                return new ForJson().toResponse(json);
            }
            java.io.CharConversionException encoding = findCause(e, java.io.CharConversionException.class);
            if (encoding != null) {
                // E.g. a body whose first bytes make it look like UTF-32 but whose characters are not.
                return ProblemResponses.of(ProblemResponses.problem(400, "malformed_json", "Malformed JSON",
                        "The request body is not valid text: " + firstLine(encoding.getMessage())
                                + ". Send JSON encoded as UTF-8."));
            }
            String errorId = UUID.randomUUID().toString();
            RuleFailureException rules = findCause(e, RuleFailureException.class);
            if (rules != null) {
                return ruleFailure(rules, errorId);
            }
            if (findCause(e, StoreDown.class) != null) {
                return storageUnavailable(errorId, "The decision store is not answering, so no decision was made.");
            }
            if (findCause(e, SQLException.class) != null || findCause(e, jakarta.persistence.PersistenceException.class) != null) {
                LOG.error("Decision store unavailable [errorId={}]", errorId, e);
                // A commit whose acknowledgement was lost may have been stored after all: the retry tells.
                return storageUnavailable(errorId, "The decision store failed while the decision was being stored; "
                        + "it may not have been kept.");
            }
            LOG.error("Unexpected error [errorId={}]", errorId, e);
            return ProblemResponses.of(new Problem(Problem.TYPE_PREFIX + "internal_error", "Internal error", 500,
                    "Something went wrong on our side. Quote error " + errorId + " when reporting it.",
                    "internal_error", null, null, errorId));
        }
    }

    /** Thrown before any work while the database is known to be down. */
    static final class StoreDown extends RuntimeException {
        StoreDown() {
            super("the decision store is down", null, false, false);
        }
    }

    private static Response storageUnavailable(String errorId, String what) {
        Problem p = new Problem(Problem.TYPE_PREFIX + "storage_unavailable", "Decision store unavailable", 503,
                what + " Retry with the same id after Retry-After: you get the stored decision if there is one, "
                        + "a new one if not. Quote error " + errorId + " if it persists.",
                "storage_unavailable", null, null, errorId);
        return Response.fromResponse(ProblemResponses.of(p)).header("Retry-After", "5").build();
    }

    /** A broken rule fails this one evaluation, nothing is stored, and compliance gets the rule's name to fix. */
    private static Response ruleFailure(RuleFailureException e, String errorId) {
        boolean threw = e.kind().equals("rule_failed");
        if (threw) {
            LOG.error("Rule '{}' failed; the evaluation was abandoned and nothing stored [errorId={}]", e.rule(),
                    errorId, e.getCause());
        } else {
            LOG.error("Evaluation over budget: {}; abandoned, nothing stored [errorId={}]", e.getMessage(), errorId);
        }
        String code = threw ? "rule_failed" : "evaluation_budget_exceeded";
        return ProblemResponses.of(new Problem(Problem.TYPE_PREFIX + code,
                threw ? "A rule failed" : "Evaluation budget exceeded", 500,
                "The policies could not decide about this mention: " + e.getMessage()
                        + ". Nothing was stored; other mentions are unaffected. Compliance should fix the rule; quote error "
                        + errorId + ".", code, null, null, errorId));
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
