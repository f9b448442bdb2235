package org.responsepolicy.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.rulesadmin.Replay;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;
import org.responsepolicy.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay}: what a candidate rule set would have decided for stored mentions, against what was decided. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-evaluate the mentions stored since --since with the rules in --rules and print what would "
                + "change (actions added and removed, priority and approval changes, examples). Stores nothing.")
final class ReplayCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin

    RulesFolderOption rulesFolder;

    @Option(names = "--since", defaultValue = "7d",
            description = "How far back: 7d, 24h, 90m, P7D or an instant (default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--brand", description = "Only this brand's mentions.")
    String brand;

    @Mixin
    DatabaseOptions db;

    static final int MAX_REPLAYED = 1_000_000;

    @Override
    public Integer call() throws Exception {
        RuleSet candidate;
        try {
            candidate = RuleSetLoader.load(rulesFolder.rules);
        } catch (RulesInvalidException e) {
            e.problems().forEach(p -> System.out.println(p));
            return 3;
        }
        Instant from = Replay.since(since, Instant.now());
        if ((db.dbUrl == null || db.dbUrl.isBlank()) && !java.nio.file.Files.isDirectory(db.dataDir)) {
            System.err.println("error: no database in " + db.dataDir.toAbsolutePath() + " (check --data-dir or --db-url)");
            return 2;
        }
        try (Database database = Database.open(db.config())) {
            Replay.Report r = Replay.run(database.decisionLog(Json.newMapper()), from, brand, MAX_REPLAYED, candidate,
                    new Evaluator(Clock.systemUTC(), () -> "replay"));
            System.out.printf("Replayed %d mentions since %s with rules %s: %d would change.%s%n", r.mentions(), r.since(),
                    r.candidateVersion(), r.changed(), r.truncated() ? " (only the newest; more were stored)" : "");
            r.added().forEach((type, n) -> System.out.printf("  + %-20s %d%n", type, n));
            r.removed().forEach((type, n) -> System.out.printf("  - %-20s %d%n", type, n));
            r.priorityChanges().forEach((change, n) -> System.out.printf("  priority %s: %d%n", change, n));
            r.approvalChanges().forEach((change, n) -> System.out.printf("  %s: %d%n", change, n));
            for (Replay.Example e : r.examples()) {
                System.out.printf("%n  %s (%s/%s): %s%n    before: %s%n    after:  %s%n", e.decisionId(), e.brand(),
                        e.mentionId(), e.maskedText().length() > 120 ? e.maskedText().substring(0, 120) + "…" : e.maskedText(),
                        e.before(), e.after());
            }
        }
        return 0;
    }
}
