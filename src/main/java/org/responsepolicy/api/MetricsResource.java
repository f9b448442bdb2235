package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.responsepolicy.access.Role;
import org.responsepolicy.metrics.Metrics;

/**
 * {@code GET /metrics}: the Prometheus text format, for a scraper holding any API key (an {@code evaluate} key
 * is enough; with no keys configured the server is open on loopback anyway). No personal data: labels are
 * routes, statuses, action types, queues, priorities, policies and rule names.
 */
@Path("/metrics")
@Access({Role.EVALUATE, Role.COMPLIANCE})
public final class MetricsResource {

    private final Metrics metrics;

    @Inject
    MetricsResource(ApiDependencies dependencies) {
        this.metrics = dependencies.metrics();
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return metrics.scrape();
    }
}
