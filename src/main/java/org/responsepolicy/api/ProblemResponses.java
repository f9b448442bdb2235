package org.responsepolicy.api;

import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {

    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /** Every problem leaves through here, with personal data masked in what it echoes back. */
    static Response of(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem.masked()).build();
    }

    static Problem problem(int status, String code, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + code, title, status, detail, code, null, null, null);
    }
}
