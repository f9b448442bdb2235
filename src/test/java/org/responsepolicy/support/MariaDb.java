package org.responsepolicy.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.responsepolicy.store.DatabaseConfig;

/**
 * A throw-away database on the real MariaDB server (127.0.0.1:3306, root, no password, unless
 * RPS_TEST_MARIADB_URL / _USER / _PASSWORD say otherwise). In CI (CI=true) an unreachable server fails the
 * test; on a developer machine without MariaDB the test is skipped with the reason.
 */
public final class MariaDb implements AutoCloseable {

    private static final String SERVER_URL = env("RPS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("RPS_TEST_MARIADB_USER", "root");
    private static final String PASSWORD = env("RPS_TEST_MARIADB_PASSWORD", "");

    private final String database;

    private MariaDb(String database) {
        this.database = database;
    }

    public static MariaDb createDatabase() {
        String name = "rps_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MariaDB is required in CI but not reachable at " + SERVER_URL, e);
            }
            Assumptions.abort("MariaDB not reachable at " + SERVER_URL + " (" + e.getMessage()
                    + "); start it or set RPS_TEST_MARIADB_URL. CI runs these tests.");
        }
        return new MariaDb(name);
    }

    public DatabaseConfig config() {
        return new DatabaseConfig(SERVER_URL + database, USER, PASSWORD);
    }

    /** The same database reached through a relay listening on {@code port} of this machine. */
    public DatabaseConfig configVia(int port) {
        return new DatabaseConfig("jdbc:mariadb://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
    }

    /** Host and port of the MariaDB server, for a relay in front of it. */
    public static java.net.InetSocketAddress serverAddress() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)").matcher(SERVER_URL);
        if (!m.find()) {
            throw new IllegalStateException("cannot read host and port from " + SERVER_URL);
        }
        return java.net.InetSocketAddress.createUnresolved(m.group(1), Integer.parseInt(m.group(2)));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER_URL + database, USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
