package org.responsepolicy.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps stored data no longer than the configured period: purges once at start and then every hour, and on
 * demand. A failed purge (database down) is logged and retried at the next run.
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** What one purge removed, and the cutoff it used. */
    public record Outcome(Instant cutoff, PersonalDataStore.Purged purged) {
    }

    private final PersonalDataStore store;
    private final Duration period;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public Retention(PersonalDataStore store, Duration period, Clock clock) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the retention period must be positive");
        }
        this.store = store;
        this.period = period;
        this.clock = clock;
    }

    public Duration period() {
        return period;
    }

    public Outcome purgeNow() {
        Instant cutoff = clock.instant().minus(period);
        PersonalDataStore.Purged purged = store.purgeBefore(cutoff);
        if (purged.decisions() + purged.signals() + purged.incidents() > 0) {
            LOG.info("Retention: purged {} decisions, {} history signals and {} closed incidents older than {}",
                    purged.decisions(), purged.signals(), purged.incidents(), cutoff);
        }
        return new Outcome(cutoff, purged);
    }

    public synchronized void startHourly() {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                purgeNow();
            } catch (RuntimeException e) {
                LOG.warn("Retention purge failed; retrying in an hour ({})", e.getClass().getSimpleName());
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
