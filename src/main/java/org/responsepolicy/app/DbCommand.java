package org.responsepolicy.app;

import java.util.concurrent.Callable;
import org.responsepolicy.store.Database;
import org.responsepolicy.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code db migrate}: the decision store's schema, managed without starting the server. */
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = DbCommand.Migrate.class,
        description = "Manage the decision database's schema.")
final class DbCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Bring the schema of the database in --data-dir (embedded H2) or --db-url (MariaDB) up to "
                    + "date, as every start of the server also does, and print the version before and after. "
                    + "Use it to upgrade the schema ahead of a deployment, or with a user allowed to change it "
                    + "while the server runs with one that is not."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the schema is up to date", "2:bad options", "3:the database cannot be reached or migrated"})
    static final class Migrate implements Callable<Integer> {

        @Mixin
        DatabaseOptions db;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DatabaseConfig config = db.config();
            Database.Migration m;
            try {
                m = Database.migrate(config);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("error: cannot migrate " + config.describe() + ": "
                        + Main.Serve.rootMessage(e));
                return 3;
            }
            var out = spec.commandLine().getOut();
            if (m.applied().isEmpty()) {
                out.printf("%s: schema already at version %s%n", config.describe(), m.after());
            } else {
                out.printf("%s: schema migrated from version %s to %s%n", config.describe(),
                        m.before() == null ? "(empty)" : m.before(), m.after());
                m.applied().forEach(a -> out.println("  applied " + a));
            }
            out.flush();
            return 0;
        }
    }
}
