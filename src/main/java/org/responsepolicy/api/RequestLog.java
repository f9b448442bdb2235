package org.responsepolicy.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.UUID;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.responsepolicy.evaluation.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is a plain token without personal data,
 * else a new one), returns it in the {@code X-Request-Id} header, puts it on every log line written while the
 * request is served, logs one line per request (method, route, status, duration, and for an evaluation the
 * decision id, brand and ruleset version) and times it for the metrics. The route is the path template
 * ({@code /v1/authors/{authorKey}}), never the path itself, so no handle or id from a URL reaches the log.
 */
@PreMatching
@Priority(1)
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String STARTED = RequestLog.class.getName() + ".started";
    private static final String[] KEYS = {"requestId", "decisionId", "brand", "rulesetVersion"};

    @jakarta.ws.rs.core.Context
    jakarta.inject.Provider<ExtendedUriInfo> uriInfo;

    private final org.responsepolicy.metrics.Metrics metrics;

    @jakarta.inject.Inject
    RequestLog(ApiDependencies dependencies) {
        this.metrics = dependencies.metrics();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        for (String key : KEYS) {
            MDC.remove(key); // a worker thread's previous request, had its response filter not run
        }
        String sent = request.getHeaderString(HEADER);
        // A caller's id is kept only if it is a plain token that carries no personal data (a card number as an id
        // would otherwise reach every log line of the request unmasked).
        boolean usable = sent != null && PLAIN_TOKEN.matcher(sent).matches()
                && org.responsepolicy.analysis.PersonalDataMasking.mask(sent).equals(sent);
        MDC.put("requestId", usable ? sent : UUID.randomUUID().toString());
        request.setProperty(STARTED, System.nanoTime());
    }

    /** Adds what an evaluation decided to the request's log line (and to anything else logged for it). */
    static void decided(Decision d) {
        MDC.put("decisionId", d.decisionId());
        MDC.put("brand", d.brand());
        MDC.put("rulesetVersion", d.rulesetVersion());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            String id = MDC.get("requestId");
            if (id != null) {
                response.getHeaders().putSingle(HEADER, id);
            }
            Object started = request.getProperty(STARTED);
            long nanos = started instanceof Long t ? System.nanoTime() - t : 0;
            String route = route();
            metrics.request(request.getMethod(), route, response.getStatus(), nanos);
            LOG.info("{} {} {} {} ms", request.getMethod(), route, response.getStatus(),
                    String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6));
        } finally {
            for (String key : KEYS) {
                MDC.remove(key);
            }
        }
    }

    private String route() {
        try {
            var templates = uriInfo.get().getMatchedTemplates();
            if (templates.isEmpty()) {
                return "(no route)";
            }
            StringBuilder route = new StringBuilder();
            for (int i = templates.size() - 1; i >= 0; i--) {
                String t = templates.get(i).getTemplate();
                route.append(t.startsWith("/") || route.isEmpty() ? "" : "/").append(t);
            }
            return route.toString().replaceAll("/{2,}", "/");
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }
}
