package org.responsepolicy.rulesadmin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.policytest.PolicyCaseRunner;
import org.responsepolicy.ruleset.ActiveRuleSet;
import org.responsepolicy.ruleset.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a candidate rule set from the rules folder, runs every policy test against it, and swaps it in
 * only if everything compiled and every test passed; otherwise the active version keeps serving and the
 * outcome says why, with file and line. Evaluations already running finish on the version they started
 * with. One reload at a time; thread-safe.
 */
public final class RuleReloader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final Path folder;
    private final ActiveRuleSet active;
    private final PolicyCaseRunner tests;
    private final Clock clock;
    private final RuleVersionLog versions;
    private final AtomicReference<ReloadOutcome> last = new AtomicReference<>();
    private final AtomicReference<TestedVersion> activeTests = new AtomicReference<>();
    private final java.util.function.Consumer<ReloadOutcome> attempts;

    public RuleReloader(Path folder, ActiveRuleSet active, PolicyCaseRunner tests, Clock clock, RuleVersionLog versions) {
        this(folder, active, tests, clock, versions, outcome -> { });
    }

    /** @param attempts told every reload attempt's outcome (for the metrics) */
    public RuleReloader(Path folder, ActiveRuleSet active, PolicyCaseRunner tests, Clock clock, RuleVersionLog versions,
                        java.util.function.Consumer<ReloadOutcome> attempts) {
        this.folder = folder;
        this.active = active;
        this.tests = tests;
        this.clock = clock;
        this.versions = versions;
        this.attempts = attempts;
    }

    /** Activates a version stored earlier, even if the files on disk have changed since; same checks as a reload. */
    public synchronized java.util.Optional<ReloadOutcome> rollback(String version) {
        return versions.files(version).map(files -> activateIfSound(files, "rollback"));
    }

    public Path folder() {
        return folder;
    }

    public RuleVersionLog versions() {
        return versions;
    }

    /** Reads the folder now and activates it if it is new and sound. */
    public synchronized ReloadOutcome reload(String trigger) {
        RuleFiles files;
        try {
            files = RuleFiles.read(folder);
        } catch (IOException e) {
            return record(rejected(trigger, null, List.of(new RuleProblem("", 0, "cannot read " + folder + ": "
                    + e.getMessage())), 0, 0));
        }
        // A file event that did not change the rules (an editor's swap file, a touch) must not undo a rollback,
        // nor hide the last real attempt: a rejection's errors stay on show until the files change.
        if ("file-change".equals(trigger) && files.version().equals(lastFolderVersion)) {
            return new ReloadOutcome("unchanged", trigger, clock.instant(), files.version(), active.get().version(),
                    List.of(), 0, 0);
        }
        lastFolderVersion = files.version();
        return activateIfSound(files, trigger);
    }

    /** The folder's content when it was last read for a reload (or at start-up). */
    private String lastFolderVersion;

    /**
     * Remembers the folder's content at start-up, so only a real change on disk reloads, and how the rules
     * loaded then passed their policy tests.
     */
    public synchronized void folderReadAtStartup(String version, TestedVersion tested) {
        lastFolderVersion = version;
        activeTests.set(tested);
    }

    /** The active version's policy-test results and coverage (null only before start-up finishes). */
    public TestedVersion activeTests() {
        return activeTests.get();
    }

    /** Checks a candidate and activates it if sound; used by reload and by rollback to a stored version. */
    public synchronized ReloadOutcome activateIfSound(RuleFiles files, String trigger) {
        String version = files.version();
        if (version.equals(active.get().version())) {
            return record(new ReloadOutcome("unchanged", trigger, clock.instant(), version, version, List.of(), 0, 0));
        }
        Candidate c = Candidate.check(files, tests);
        if (!c.problems().isEmpty()) {
            LOG.warn("Rules version {} rejected ({}): {}", version, trigger, c.problems());
            return record(rejected(trigger, version, c.problems(), c.testsRun(), c.testsFailed()));
        }
        active.activate(c.ruleSet());
        activeTests.set(new TestedVersion(version, c.testsRun(), c.testsFailed(), c.coverage()));
        versions.recordActivation(files, trigger, clock.instant());
        LOG.info("Rules version {} active ({}; {} policy tests passed)", version, trigger, c.testsRun());
        return record(new ReloadOutcome("activated", trigger, clock.instant(), version, version, List.of(),
                c.testsRun(), 0));
    }

    /** Compiles and tests a candidate without activating it. */
    public Candidate check(RuleFiles files) {
        return Candidate.check(files, tests);
    }

    /** The most recent attempt, or null before the first. */
    public ReloadOutcome lastAttempt() {
        return last.get();
    }

    private ReloadOutcome rejected(String trigger, String version, List<RuleProblem> problems, int run, int failed) {
        return new ReloadOutcome("rejected", trigger, clock.instant(), version, active.get().version(), problems, run, failed);
    }

    private ReloadOutcome record(ReloadOutcome outcome) {
        last.set(outcome);
        attempts.accept(outcome);
        return outcome;
    }

}
