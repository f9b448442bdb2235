package org.responsepolicy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.responsepolicy.engine.RuleFirings;
import org.responsepolicy.evaluation.Decision;

/**
 * The server's metrics. Labels come only from bounded sets (routes, statuses, action types, queues, priorities,
 * policies and rules of the active rule set), never from what a caller sends (brands, ids), so a caller cannot
 * make the registry grow without end. Thread-safe.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge rulesetInfo;
    private volatile Supplier<String> activeVersion = () -> "none";

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // At zero from the start, so a dashboard shows "none yet" rather than "no data".
        for (String outcome : List.of("activated", "rejected", "unchanged")) {
            reloads(outcome);
        }
        decisions();
        rulesetInfo = MultiGauge.builder("rps.ruleset.active")
                .description("The active rule set: 1, labelled with its version").register(registry);
    }

    /** For libraries that publish their own metrics (the database pool). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format. */
    public String scrape() {
        rulesetInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", activeVersion.get()), 1)), true);
        return registry.scrape();
    }

    /** Methods kept as labels; anything else a client invents is counted as OTHER. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "POST", "PUT", "DELETE", "HEAD",
            "OPTIONS", "PATCH");

    /** Request timers by method, route and status: built once, not on every request. */
    private final java.util.Map<String, Timer> requestTimers = new java.util.concurrent.ConcurrentHashMap<>();

    /** One HTTP request: its route template (never the raw path), method and status. */
    public void request(String method, String route, int status, long nanos) {
        String known = METHODS.contains(method) ? method : "OTHER";
        requestTimers.computeIfAbsent(known + ' ' + route + ' ' + status, key ->
                Timer.builder("http.server.requests").description("HTTP requests by route, method and status")
                        .tags("method", known, "route", route, "status", Integer.toString(status))
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A decision made now (not a replayed one): its actions by type, queue and priority, and their policies. */
    public void decided(Decision decision) {
        decisions().increment();
        for (Decision.ActionView a : decision.actions()) {
            Counter.builder("rps.actions").description("Recommended actions by type, queue and priority")
                    .tags("type", a.type(), "queue", a.queue() == null ? "none" : a.queue(),
                            "priority", a.priority() == null ? "none" : a.priority())
                    .register(registry).increment();
            a.reasons().stream().map(Decision.ReasonView::policy).distinct().forEach(policy ->
                    Counter.builder("rps.actions.by.policy").description("Recommended actions by the policy behind them")
                            .tag("policy", policy).register(registry).increment());
        }
    }

    /** Counts rule firings per rule. */
    public RuleFirings ruleFirings() {
        return (rule, times) -> Counter.builder("rps.rule.firings").description("Rule firings per rule")
                .tag("rule", rule).register(registry).increment(times);
    }

    /** A rule reload attempt: {@code activated}, {@code rejected} or {@code unchanged}. */
    public void reload(String outcome) {
        reloads(outcome).increment();
    }

    private Counter reloads(String outcome) {
        return Counter.builder("rps.rule.reloads").description("Rule reload attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter decisions() {
        return Counter.builder("rps.decisions").description("Decisions made (replays of stored ones not counted)")
                .register(registry);
    }

    public void activeRuleset(Supplier<String> version) {
        this.activeVersion = version;
    }

    /**
     * Incidents open now: read when scraped, at most every 10 s, and not while the store is down (a scrape
     * would otherwise wait for the pool's timeout and count as a connection timeout itself).
     */
    public void openIncidents(java.util.function.BooleanSupplier storeUp, Supplier<Number> count) {
        Supplier<Number> cached = new Supplier<>() {
            private long readAt;
            private double value = Double.NaN;

            @Override
            public synchronized Number get() {
                long now = System.nanoTime();
                if (readAt == 0 || now - readAt > 10_000_000_000L) {
                    readAt = now;
                    value = storeUp.getAsBoolean() ? count.get().doubleValue() : Double.NaN;
                }
                return value;
            }
        };
        Gauge.builder("rps.incidents.open", cached, c -> c.get().doubleValue())
                .description("Incidents open now (crisis waves waiting for a pinned statement)")
                .strongReference(true).register(registry); // the supplier is held nowhere else
    }
}
