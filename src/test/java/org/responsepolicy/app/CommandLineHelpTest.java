package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers {@code --help}, and a mistyped option gets a clear message and exit code 2. */
class CommandLineHelpTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(args, name -> null).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void visible(CommandLine command, List<String> path, List<List<String>> into) {
        for (var e : command.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden() || e.getKey().equals("help")) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(e.getKey());
            into.add(here);
            visible(e.getValue(), here, into);
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() throws Exception {
        List<List<String>> commands = new ArrayList<>();
        visible(Main.commandLine(new String[0], name -> null), List.of(), commands);
        assertTrue(commands.size() >= 12, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), command + ": " + r.err());
            assertTrue(r.out().contains("Usage: response-policy-server " + String.join(" ", command)), r.out());
            assertTrue(r.out().contains("--config"), command + " accepts --config");
        }
        assertTrue(run("evaluate", "--help").out().contains("Exit codes:"), "evaluate documents its exit codes");
        assertTrue(run("db", "migrate", "--help").out().contains("Exit codes:"));
    }

    @Test
    void aMistypedOptionIsNamedAndExitsTwo() throws Exception {
        Run r = run("evaluate", "--prgress", "bar", "in.jsonl");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--prgress"), r.err());
    }
}
