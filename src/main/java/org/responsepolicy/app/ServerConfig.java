package org.responsepolicy.app;

import java.nio.file.Path;
import java.time.Duration;
import org.responsepolicy.engine.EvaluationBudget;
import org.responsepolicy.store.DatabaseConfig;

/**
 * How to run the server.
 *
 * @param host  interface to listen on; null picks loopback when no API key exists, all interfaces otherwise
 * @param port  0 picks a free port (tests)
 * @param rules the rules folder
 * @param watchRules reload automatically when files under {@code rules} change
 */
public record ServerConfig(String host, int port, Path rules, DatabaseConfig database, boolean watchRules,
                           Protection protection) {

    public ServerConfig(String host, int port, Path rules, DatabaseConfig database, boolean watchRules) {
        this(host, port, rules, database, watchRules, Protection.DEFAULTS);
    }

    public ServerConfig with(Protection protection) {
        return new ServerConfig(host, port, rules, database, watchRules, protection);
    }

    /**
     * @param defaultRateLimit requests per second for a key without its own limit; 0 for none
     * @param retention        stored decisions and history older than this are purged
     * @param tls              HTTPS, or null for plain HTTP
     * @param budget           what one evaluation may take
     * @param shutdownGrace    how long a stopping server waits for requests in flight
     */
    public record Protection(int defaultRateLimit, Duration retention, Tls tls, EvaluationBudget budget,
                             Duration shutdownGrace) {

        public static final Protection DEFAULTS = new Protection(100, Duration.ofDays(365), null,
                EvaluationBudget.DEFAULT, Duration.ofSeconds(30));

        public Protection withRateLimit(int perSecond) {
            return new Protection(perSecond, retention, tls, budget, shutdownGrace);
        }

        public Protection withTls(Tls tls) {
            return new Protection(defaultRateLimit, retention, tls, budget, shutdownGrace);
        }

        public Protection withRetention(Duration retention) {
            return new Protection(defaultRateLimit, retention, tls, budget, shutdownGrace);
        }
    }

    /** A keystore (PKCS12 or JKS) holding the server's certificate and key. */
    public record Tls(Path keystore, String password) {
    }
}
