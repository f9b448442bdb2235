package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.support.MariaDb;
import picocli.CommandLine;

/** {@code db migrate} on an empty embedded database, on an up-to-date one, on real MariaDB, and unreachable. */
class DbMigrateIntegrationTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createsTheSchemaOnceThenReportsItUpToDate() {
        Run first = run("db", "migrate", "--data-dir", dir.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("schema migrated from version (empty) to "), first.out());
        assertTrue(first.out().contains("applied V1 decision"), first.out());

        Run again = run("db", "migrate", "--data-dir", dir.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("schema already at version"), again.out());
        // The server opens (and validates) what was migrated.
        org.responsepolicy.store.Database.open(org.responsepolicy.store.DatabaseConfig.embedded(dir)).close();
    }

    @Test
    void migratesRealMariaDb() throws Exception {
        try (MariaDb db = MariaDb.createDatabase()) {
            Run run = run("db", "migrate", "--db-url", db.config().url(), "--db-user", db.config().user(),
                    "--db-password", db.config().password());
            assertEquals(0, run.exit(), run.err());
            try (var c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 5, "migrations recorded");
            }
        }
    }

    @Test
    void anUnreachableDatabaseExitsThreeWithTheCause() {
        Run run = run("db", "migrate", "--db-url", "jdbc:mariadb://127.0.0.1:1/none", "--db-user", "root");
        assertEquals(3, run.exit());
        assertTrue(run.err().contains("cannot migrate jdbc:mariadb://127.0.0.1:1/none"), run.err());
    }
}
