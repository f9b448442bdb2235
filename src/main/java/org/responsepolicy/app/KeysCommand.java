package org.responsepolicy.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.responsepolicy.access.ApiKey;
import org.responsepolicy.access.ApiKeys;
import org.responsepolicy.access.AuditTrail;
import org.responsepolicy.access.Role;
import org.responsepolicy.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys create|list|revoke}: manages API keys in the decision database, where every instance reads them. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys (stored as hashes in the decision database; running servers pick up changes "
                + "within seconds).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Opens the database, runs the action, closes it; the action's exit code is the command's. */
    private static int withKeys(DatabaseOptions db, java.util.function.BiFunction<ApiKeys, AuditTrail, Integer> action) {
        try (Database database = Database.open(db.config())) {
            return action.apply(new ApiKeys(database.keyStore(), Clock.systemUTC()), database.auditTrail());
        }
    }

    private static void audit(AuditTrail audit, String action, String target, String detail) {
        audit.record(new AuditTrail.Entry(java.time.Instant.now(), "cli (user " + System.getProperty("user.name") + ")",
                action, target, "ok", detail));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print its secret (shown this once; only its hash is stored).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "Who or what the key is for, e.g. crm-prod.")
        String name;

        @Option(names = "--role", required = true, description = "evaluate, compliance or admin.")
        String role;

        @Option(names = "--rate-limit", paramLabel = "N",
                description = "Requests per second for this key (default: the server's --rate-limit).")
        Integer rateLimit;

        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            Role r = Role.parse(role).orElse(null);
            if (r == null) {
                System.err.println("--role must be evaluate, compliance or admin");
                return 2;
            }
            return withKeys(db, (keys, audit) -> {
                ApiKeys.Created created;
                try {
                    created = keys.create(name, r, rateLimit);
                } catch (IllegalArgumentException e) {
                    System.err.println("--name or --rate-limit: " + e.getMessage());
                    return 2;
                }
                audit(audit, "key.create", created.key().id(), "name " + created.key().name() + ", role " + r.id());
                System.out.println("Created key " + created.key().id() + " (" + created.key().name() + ", role "
                        + r.id() + "). Its secret, shown only now:");
                System.out.println(created.secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            return withKeys(db, (keys, audit) -> {
                System.out.printf("%-36s  %-24s  %-10s  %-10s  %-20s  %s%n", "ID", "NAME", "ROLE", "RATE/S",
                        "CREATED", "REVOKED");
                for (ApiKey k : keys.list()) {
                    System.out.printf("%-36s  %-24s  %-10s  %-10s  %-20s  %s%n", k.id(), k.name(), k.role().id(),
                            k.rateLimit() == null ? "default" : k.rateLimit(),
                            k.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            k.revokedAt() == null ? "-" : k.revokedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The key's id, as 'keys list' shows it.")
        String id;

        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            return withKeys(db, (keys, audit) -> {
                if (!keys.revoke(id)) {
                    System.err.println("No key with id " + id);
                    return 1;
                }
                audit(audit, "key.revoke", id, null);
                System.out.println("Revoked key " + id + "; running servers refuse it within seconds.");
                return 0;
            });
        }
    }
}
