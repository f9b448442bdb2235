package org.responsepolicy.store;

import java.nio.file.Path;

/**
 * Where decisions are stored. A {@code jdbc:mariadb://} URL selects MariaDB; anything else defaults to
 * embedded H2.
 */
public record DatabaseConfig(String url, String user, String password) {

    /** The zero-setup default: an H2 file under the data folder. */
    public static DatabaseConfig embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("decisions").toString().replace('\\', '/');
        // The server closes the database itself after draining requests on SIGTERM; H2 closing it from its own
        // shutdown hook would fail the requests still in flight.
        return new DatabaseConfig("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    boolean isMariaDb() {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL without credentials that may be embedded in it, for logs. */
    public String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
