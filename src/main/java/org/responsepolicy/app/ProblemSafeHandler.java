package org.responsepolicy.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;

/**
 * Puts Jersey behind a check Jersey cannot do itself: a request URI that does not parse ("%ZZ") fails inside
 * Jersey's container before any exception mapper runs, and Grizzly would answer with an HTML page holding a
 * stack trace. Here it gets a 400 problem+json instead. Thread-safe.
 */
final class ProblemSafeHandler extends HttpHandler {

    private final GrizzlyHttpContainer jersey;

    ProblemSafeHandler(GrizzlyHttpContainer jersey) {
        this.jersey = jersey;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String query = request.getQueryString();
        try {
            new URI(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            writeProblem(response, 400, "invalid_uri", "Invalid URI",
                    "The request URI is not valid: " + e.getReason() + ". Percent-encode special characters.");
            return;
        }
        jersey.service(request, response);
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }

    static void writeProblem(Response response, int status, String code, String title, String detail) throws java.io.IOException {
        byte[] body = problemJson(status, code, title, detail).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String problemJson(int status, String code, String title, String detail) {
        return "{\"type\":\"urn:response-policy:problem:" + code + "\",\"title\":\"" + escape(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + code + "\"}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Grizzly's own error pages (malformed requests it rejects itself): a problem, never a stack trace. */
    static final class NoStackTraces implements ErrorPageGenerator {
        @Override
        public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
            String code = status >= 500 ? "internal_error" : "bad_request";
            return problemJson(status, code, reasonPhrase == null ? "Error" : reasonPhrase,
                    status >= 500 ? "The request could not be processed." : "The request is malformed.");
        }
    }
}
