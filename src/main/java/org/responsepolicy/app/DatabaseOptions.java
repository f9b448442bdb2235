package org.responsepolicy.app;

import java.nio.file.Path;
import org.responsepolicy.store.DatabaseConfig;
import picocli.CommandLine.Option;

/** Where the decisions are stored: the options {@code serve} and {@code replay} share. */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:RPS_DATA_DIR:-data}",
            description = "Folder of the embedded H2 database (env RPS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:RPS_DB_URL}",
            description = "JDBC URL; jdbc:mariadb://host:3306/db selects MariaDB (env RPS_DB_URL; "
                    + "default: embedded H2 in --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:RPS_DB_USER}", description = "Database user (env RPS_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:RPS_DB_PASSWORD}",
            description = "Database password (env RPS_DB_PASSWORD).")
    String dbPassword;

    DatabaseConfig config() {
        return dbUrl == null || dbUrl.isBlank()
                ? DatabaseConfig.embedded(dataDir)
                : new DatabaseConfig(dbUrl, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword);
    }
}
