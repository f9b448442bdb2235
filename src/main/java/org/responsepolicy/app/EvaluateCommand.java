package org.responsepolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.responsepolicy.api.MentionJson;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.IdempotencyConflictException;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.evaluation.RecordingEvaluator;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;
import org.responsepolicy.store.Database;
import org.responsepolicy.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code evaluate FILE}: mentions in as JSON Lines, decisions out as JSON Lines, without a server. Each mention
 * goes through what {@code POST /v1/mentions/evaluate} does — the same reading and validation, analysis, rules,
 * author history and crisis detection — against a database that lives only as long as the run (embedded H2 in a
 * temporary folder), so a wave of
 * the same complaint in the file opens an incident as it would in production, and nothing is stored.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate mentions from a JSON Lines file (one mention per line, as POST /v1/mentions/evaluate "
                + "takes them; - for standard input) with the rules in --rules, without a server. Writes one decision "
                + "per line, as JSON Lines, in the order of the input. Author history and crisis waves are counted "
                + "within the run, in file order; nothing is stored.",
                "A line that is not JSON or not a valid mention is reported on standard error with its line number "
                        + "and skipped; the rest of the file is still evaluated. Progress and a closing summary "
                        + "(actions, queues, policies) go to standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was evaluated",
                "1:some lines were skipped (not JSON, not a valid mention, or their evaluation failed)",
                "2:bad options, or the input or output cannot be opened or written",
                "3:the rules have errors (listed with file and line)"})
final class EvaluateCommand implements Callable<Integer> {

    /** Lines submitted together: they are decided and stored as one group, like an evaluate-batch request. */
    private static final int CHUNK = 500;

    enum Progress { auto, bar, lines, none }

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON Lines of mentions; - for standard input.")
    String input;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the decisions to this file instead of standard output.")
    Path out;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (a bar with rate and ETA on a terminal, a line every 10%% otherwise), bar, lines "
                    + "or none (default ${DEFAULT-VALUE}).")
    Progress progress;

    @Mixin
    RulesFolderOption rulesFolder;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter err;

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        Path file = input.equals("-") ? null : Path.of(input);
        if (file != null && !Files.isReadable(file)) {
            err.println("error: cannot read " + file.toAbsolutePath());
            return 2;
        }
        RuleSet rules;
        try {
            rules = RuleSetLoader.load(rulesFolder.rules);
        } catch (RulesInvalidException e) {
            err.println("error: the rules in " + rulesFolder.rules.toAbsolutePath() + " have errors:");
            for (RuleProblem p : e.problems()) {
                err.println("  " + p);
            }
            return 3;
        }
        // Counted only in a regular file: a pipe or FIFO (evaluate <(zcat export.gz)) can be read once.
        long total = file != null && Files.isRegularFile(file) ? countLines(file) : -1;
        Summary summary = new Summary();
        long started = System.nanoTime();
        // A database of its own in a temporary folder (on disk: an export of millions of mentions must not need
        // a heap to match): history and incidents within the file, deleted afterwards.
        Path scratchDir = Files.createTempDirectory("rps-evaluate");
        try (Database database = Database.open(DatabaseConfig.embedded(scratchDir));
             BufferedReader lines = lines(file == null ? System.in : Files.newInputStream(file));
             Writer decisions = out == null ? new StandardOutput() : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             Tracker tracker = tracker(total)) {
            ObjectMapper json = Json.newMapper();
            RecordingEvaluator evaluator = new RecordingEvaluator(
                    new Evaluator(Clock.systemUTC(), () -> UUID.randomUUID().toString()), () -> rules,
                    database.mentionHistory(() -> UUID.randomUUID().toString(), json).history());
            List<Submitted> chunk = new ArrayList<>();
            long lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte order mark, as some Windows tools write
                }
                if (!line.isBlank()) {
                    chunk.add(submit(lineNumber, line, json, evaluator));
                }
                if (chunk.size() == CHUNK) {
                    finish(chunk, decisions, json, summary, tracker);
                }
            }
            finish(chunk, decisions, json, summary, tracker);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            ClassDataArchiveCommand.deleteTree(scratchDir);
        }
        summary.print(err, Duration.ofNanos(System.nanoTime() - started));
        err.flush();
        return summary.skipped() == 0 ? 0 : 1;
    }

    /** One line handed to the evaluator, or why it could not be. */
    private record Submitted(long line, CompletableFuture<RecordingEvaluator.Outcome> outcome, String refused) {
    }

    private static Submitted submit(long line, String text, ObjectMapper json, RecordingEvaluator evaluator) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Submitted(line, null, "not JSON: " + e.getOriginalMessage());
        }
        MentionInput mention;
        try {
            mention = MentionJson.read(node);
        } catch (MentionJson.InvalidMention e) {
            return new Submitted(line, null, "invalid mention: " + String.join("; ", e.problems()));
        }
        try {
            return new Submitted(line, evaluator.submit(mention), null);
        } catch (RuntimeException e) {
            return new Submitted(line, null, "could not be evaluated: " + e.getMessage());
        }
    }

    private void finish(List<Submitted> chunk, Writer decisions, ObjectMapper json, Summary summary, Tracker tracker)
            throws IOException {
        for (Submitted s : chunk) {
            String refused = s.refused();
            if (refused == null) {
                try {
                    Decision d = RecordingEvaluator.await(s.outcome()).decision();
                    decisions.write(json.writeValueAsString(d));
                    decisions.write('\n');
                    summary.add(d);
                } catch (IdempotencyConflictException e) {
                    refused = "its id was already used earlier in the input, for a different text";
                } catch (RuntimeException e) {
                    refused = "could not be evaluated: " + e.getMessage();
                }
            }
            if (refused != null) {
                summary.skip();
                tracker.report("line " + s.line() + ": " + refused + " (skipped)");
            }
            tracker.evaluated();
        }
        chunk.clear();
        decisions.flush();
    }

    /**
     * Standard output that reports what a PrintStream swallows (a closed pipe, a full disk) as an IOException,
     * and is flushed but never closed.
     */
    private static final class StandardOutput extends Writer {
        private final Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            out.write(chars, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            if (System.out.checkError()) {
                throw new IOException("standard output cannot be written (a closed pipe or a full disk)");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Non-blank lines, for the progress total. */
    private static long countLines(Path file) throws IOException {
        try (BufferedReader lines = lines(Files.newInputStream(file))) {
            return lines.lines().filter(l -> !l.isBlank()).count();
        }
    }

    /** Lines of UTF-8; bytes that are not UTF-8 read as U+FFFD (and then fail as JSON on their own line). */
    private static BufferedReader lines(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private Tracker tracker(long total) {
        Progress mode = progress;
        if (mode == Progress.auto) {
            mode = System.console() != null ? Progress.bar : Progress.lines;
        }
        return switch (mode) {
            case bar -> new BarTracker(total, err);
            case lines -> new LineTracker(total, err);
            default -> new Tracker(err);
        };
    }

    /** Where progress and problems go; the plain one reports only problems. */
    private static class Tracker implements AutoCloseable {
        final PrintWriter err;
        long evaluated;

        Tracker(PrintWriter err) {
            this.err = err;
        }

        void evaluated() {
            evaluated++;
        }

        void report(String problem) {
            err.println(problem);
            err.flush();
        }

        @Override
        public void close() {
        }
    }

    /** A line at every tenth of the input (or every 10 s without a total): logs and CI read these. */
    private static final class LineTracker extends Tracker {
        private final long total;
        private final long started = System.nanoTime();
        private long lastLine = System.nanoTime();
        private int lastTenth;

        LineTracker(long total, PrintWriter err) {
            super(err);
            this.total = total;
        }

        @Override
        void evaluated() {
            super.evaluated();
            long now = System.nanoTime();
            int tenth = total > 0 ? (int) (evaluated * 10 / total) : 0;
            if (total > 0 ? tenth > lastTenth : now - lastLine > 10_000_000_000L) {
                lastTenth = tenth;
                lastLine = now;
                double seconds = Math.max(1e-3, (now - started) / 1e9);
                double rate = evaluated / seconds;
                String eta = total > 0 && evaluated < total
                        ? String.format(Locale.ROOT, ", about %d s left", Math.round((total - evaluated) / rate)) : "";
                err.printf(Locale.ROOT, "evaluated %,d%s (%.0f/s)%s%n", evaluated,
                        total > 0 ? String.format(Locale.ROOT, " of %,d, %d%%", total, evaluated * 100 / total) : "", rate, eta);
                err.flush();
            }
        }
    }

    /** A bar with the rate and time left, redrawn on the terminal. */
    private static final class BarTracker extends Tracker {
        private final ProgressBar bar;

        BarTracker(long total, PrintWriter err) {
            super(err);
            // The bar draws on the terminal's standard error itself.
            bar = new ProgressBarBuilder().setTaskName("Evaluating").setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" mentions", 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
        }

        @Override
        void evaluated() {
            super.evaluated();
            bar.step();
        }

        @Override
        void report(String problem) {
            // Above the bar, so it stays readable.
            err.print("\r\033[K");
            err.println(problem);
            err.flush();
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** What the run decided, counted for the closing tables. */
    private static final class Summary {
        private final Map<String, Integer> actions = new TreeMap<>();
        private final Map<String, Integer> queues = new TreeMap<>();
        private final Map<String, Integer> policies = new TreeMap<>();
        private long decided;
        private long skipped;

        void add(Decision d) {
            decided++;
            for (Decision.ActionView a : d.actions()) {
                actions.merge(a.type(), 1, Integer::sum);
                queues.merge(a.queue() == null ? "(none)" : a.queue(), 1, Integer::sum);
                a.reasons().stream().map(Decision.ReasonView::policy).distinct()
                        .forEach(p -> policies.merge(p, 1, Integer::sum));
            }
        }

        void skip() {
            skipped++;
        }

        long skipped() {
            return skipped;
        }

        void print(PrintWriter out, Duration took) {
            double seconds = Math.max(1e-3, took.toMillis() / 1000.0);
            out.printf(Locale.ROOT, "%nEvaluated %,d mentions in %.1f s (%.0f/s); %,d lines skipped.%n", decided, seconds,
                    decided / seconds, skipped);
            table(out, "action", actions);
            table(out, "queue", queues);
            table(out, "policy", policies);
        }

        private static void table(PrintWriter out, String heading, Map<String, Integer> counts) {
            int width = Math.max(heading.length(), counts.keySet().stream().mapToInt(String::length).max().orElse(0));
            out.printf(Locale.ROOT, "%n%-" + width + "s  %8s%n", heading, "actions");
            out.println("-".repeat(width) + "  " + "-".repeat(8));
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.printf(Locale.ROOT, "%-" + width + "s  %,8d%n", e.getKey(), e.getValue()));
        }
    }
}
