package org.responsepolicy.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per key: a key may make its rate of requests per second, with bursts up to one second's worth.
 * A key without its own rate gets the server's default; 0 as the default means no limit.
 */
public final class RateLimits {

    /** The answer for one request: allowed, or how long to wait. */
    public record Verdict(boolean allowed, long retryAfterSeconds, int limit) {
    }

    private final int defaultPerSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(int defaultPerSecond) {
        if (defaultPerSecond < 0) {
            throw new IllegalArgumentException("the default rate limit cannot be negative");
        }
        this.defaultPerSecond = defaultPerSecond;
    }

    public Verdict take(ApiKey key) {
        int limit = key.rateLimit() != null ? key.rateLimit() : defaultPerSecond;
        if (limit == 0) {
            return new Verdict(true, 0, 0);
        }
        // Keyed by id and limit, so a key whose limit changes gets a fresh bucket.
        Bucket bucket = buckets.computeIfAbsent(key.id() + "/" + limit, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Verdict(true, 0, limit);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Verdict(false, seconds, limit);
    }
}
