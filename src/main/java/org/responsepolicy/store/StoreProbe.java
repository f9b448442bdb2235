package org.responsepolicy.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows, without making anyone wait, whether the database answers: a connection of its own is opened every second
 * with a one-second timeout, outside the pool. During an outage every request would otherwise wait the pool's full
 * connection timeout before its 503, and the few request threads would queue everyone, {@code /health} included.
 */
final class StoreProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);

    private final DatabaseConfig config;
    private final ScheduledExecutorService schedule;
    private volatile boolean up = true;

    StoreProbe(DatabaseConfig config) {
        this.config = config;
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
    }

    boolean up() {
        return up;
    }

    private void probe() {
        boolean now;
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.password());
        if (config.isMariaDb()) {
            p.setProperty("connectTimeout", "1000");
            p.setProperty("socketTimeout", "2000");
        }
        try (Connection c = DriverManager.getConnection(config.url(), p)) {
            now = c.isValid(1);
        } catch (Exception e) {
            now = false;
        }
        if (now != up) {
            if (now) {
                LOG.info("The database answers again at {}", config.describe());
            } else {
                LOG.warn("The database does not answer at {}: evaluations answer 503 until it does", config.describe());
            }
        }
        up = now;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
