package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --config}: one settings file for every command, below command-line options and their variables. */
class ConfigFileTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private Path settings(String yaml) throws Exception {
        Path file = dir.resolve("rps.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Main.Serve serve(String... args) throws Exception {
        CommandLine commands = Main.commandLine(args, env::get);
        commands.parseArgs(args);
        return commands.getSubcommands().get("serve").getCommand();
    }

    @Test
    void setsAnyOptionOfAnyCommandWithEnvironmentVariablesSubstituted() throws Exception {
        Path file = settings("""
                port: 9090
                log-format: json
                watch-rules: false
                shutdown-grace: 5s
                db-url: jdbc:mariadb://${DB_HOST:-localhost}:3306/rps
                db-password: ${RPS_SECRET}
                """);
        env.put("RPS_SECRET", "s3cret");
        env.put("DB_HOST", "db.internal");
        Main.Serve serve = serve("serve", "--config", file.toString());
        assertEquals(9090, serve.port);
        assertEquals(Logs.Format.json, serve.logFormat);
        assertFalse(serve.watchRules);
        assertEquals(Duration.ofSeconds(5), serve.shutdownGrace);
        assertEquals("jdbc:mariadb://db.internal:3306/rps", serve.db.dbUrl);
        assertEquals("s3cret", serve.db.dbPassword);
    }

    @Test
    void theCommandLineAndThenTheOptionsVariableWinOverTheFile() throws Exception {
        Path file = settings("port: 9090\nrate-limit: 7\n");
        env.put("RPS_PORT", "7070");
        Main.Serve fromVariable = serve("--config", file.toString(), "serve");
        assertEquals(7070, fromVariable.port, "RPS_PORT over the file");
        assertEquals(7, fromVariable.rateLimit, "the file over the built-in default");
        assertEquals(6060, serve("serve", "--config", file.toString(), "--port", "6060").port, "the option over all");
    }

    @Test
    void rpsConfigNamesTheFileWhenNoOptionDoes() throws Exception {
        env.put("RPS_CONFIG", settings("port: 9191\n").toString());
        assertEquals(9191, serve("serve").port);
        env.remove("RPS_CONFIG");
        assertEquals(8080, serve("serve").port, "no file: the built-in default");
    }

    @Test
    void refusesUnknownSettingsAndUnsetVariablesNamingThem() throws Exception {
        Path typo = settings("prot: 9090\n");
        ConfigFile.Invalid unknown = assertThrows(ConfigFile.Invalid.class,
                () -> Main.commandLine(new String[] {"serve", "--config", typo.toString()}, env::get));
        assertTrue(unknown.getMessage().contains("unknown setting 'prot'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("port"), "lists the valid names");

        Path unset = settings("db-password: ${NOT_SET_ANYWHERE}\n");
        ConfigFile.Invalid missing = assertThrows(ConfigFile.Invalid.class,
                () -> Main.commandLine(new String[] {"--config", unset.toString(), "serve"}, env::get));
        assertTrue(missing.getMessage().contains("NOT_SET_ANYWHERE"), missing.getMessage());

        ConfigFile.Invalid absent = assertThrows(ConfigFile.Invalid.class,
                () -> Main.commandLine(new String[] {"--config", dir.resolve("none.yaml").toString()}, env::get));
        assertTrue(absent.getMessage().contains("none.yaml"), absent.getMessage());
    }

    @Test
    void theSameFileServesTheOtherCommands() throws Exception {
        Path file = settings("data-dir: /srv/rps/data\nrules: /srv/rps/rules\n");
        CommandLine commands = Main.commandLine(new String[] {"--config", file.toString()}, env::get);
        commands.parseArgs("--config", file.toString(), "db", "migrate");
        DbCommand.Migrate migrate = commands.getSubcommands().get("db").getSubcommands().get("migrate").getCommand();
        assertEquals(Path.of("/srv/rps/data"), migrate.db.dataDir);
    }

    /** The server's rate-limit setting must not become the limit of every key created with the same file. */
    @Test
    void settingsDoNotFillPerRunArguments() throws Exception {
        Path file = settings("rate-limit: 5\n");
        String[] args = {"--config", file.toString(), "keys", "create", "--name", "crm", "--role", "evaluate"};
        CommandLine commands = Main.commandLine(args, env::get);
        commands.parseArgs(args);
        KeysCommand.Create create = commands.getSubcommands().get("keys").getSubcommands().get("create").getCommand();
        assertEquals(null, create.rateLimit);
        assertEquals(5, serve("serve", "--config", file.toString()).rateLimit);

        Path perRun = settings("out: decisions.jsonl\n");
        assertThrows(ConfigFile.Invalid.class,
                () -> Main.commandLine(new String[] {"--config", perRun.toString(), "evaluate", "x"}, env::get));
    }

    /** A value is used as written: not a YAML number or boolean, and a dollar sign in a secret stays one. */
    @Test
    void takesValuesAsWrittenAndDollarsLiterally() throws Exception {
        env.put("RPS_SECRET", "pa$$w${o}rd");
        env.put("EMPTY", "");
        Main.Serve serve = serve("serve", "--config", settings("""
                db-user: 0123
                db-password: ${RPS_SECRET}
                db-url: jdbc:mariadb://${EMPTY:-localhost}:3306/rps
                """).toString());
        assertEquals("0123", serve.db.dbUser);
        assertEquals("pa$$w${o}rd", serve.db.dbPassword);
        assertEquals("jdbc:mariadb://localhost:3306/rps", serve.db.dbUrl, "an empty variable takes the default");

        Path empty = settings("db-password:\n");
        ConfigFile.Invalid noValue = assertThrows(ConfigFile.Invalid.class,
                () -> Main.commandLine(new String[] {"serve", "--config", empty.toString()}, env::get));
        assertTrue(noValue.getMessage().contains("'db-password' has no value"), noValue.getMessage());
    }
}
