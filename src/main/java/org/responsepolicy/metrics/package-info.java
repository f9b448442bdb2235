/**
 * What operators watch: the server's metrics in one Micrometer registry, scraped by Prometheus at
 * {@code GET /metrics}. {@link org.responsepolicy.metrics.Metrics} is the only public type.
 */
package org.responsepolicy.metrics;
