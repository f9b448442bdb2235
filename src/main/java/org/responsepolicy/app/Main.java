package org.responsepolicy.app;

import java.nio.file.Path;
import java.time.Duration;
import org.responsepolicy.engine.EvaluationBudget;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.store.DatabaseConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar response-policy-server.jar serve [options]}. */
@Command(name = "response-policy-server", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Tells a bank's social-care team what to do with each social-media mention.",
        subcommands = {Main.Serve.class, EvaluateCommand.class, RulesCheckCommands.Validate.class, RulesCheckCommands.Test.class,
                ReplayCommand.class, KeysCommand.class, DbCommand.class, ClassDataArchiveCommand.class,
                ClassDataArchiveCommand.Training.class,
                QualityCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exit;
        try {
            exit = commandLine(args, System::getenv).execute(args);
        } catch (ConfigFile.Invalid e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Every command, with {@code --config} read from the arguments (or RPS_CONFIG) before they are parsed. */
    static CommandLine commandLine(String[] args, java.util.function.UnaryOperator<String> environment)
            throws ConfigFile.Invalid {
        CommandLine commands = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 2;
                });
        ConfigFile.addOptionTo(commands);
        Path settings = ConfigFile.requested(args, environment);
        if (settings != null) {
            commands.setDefaultValueProvider(ConfigFile.read(settings, commands, environment));
        }
        return commands;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the HTTP server with the rules in --rules and the decision store in --data-dir "
                    + "(embedded H2) or --db-url (MariaDB).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "${env:RPS_PORT:-8080}",
                description = "HTTP port (env RPS_PORT, default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "${env:RPS_HOST}",
                description = "Interface to listen on (env RPS_HOST). Default: all interfaces when API keys exist, "
                        + "127.0.0.1 when none do; listening beyond loopback without keys is refused.")
        String host;

        @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:RPS_RATE_LIMIT:-100}",
                description = "Requests per second a key may make unless it has its own limit; 0 for no limit "
                        + "(env RPS_RATE_LIMIT, default ${DEFAULT-VALUE}).")
        int rateLimit;

        @Option(names = "--retention", paramLabel = "DURATION", defaultValue = "${env:RPS_RETENTION:-365d}",
                converter = DurationOption.class,
                description = "Stored decisions and author history older than this are purged, hourly "
                        + "(env RPS_RETENTION, default ${DEFAULT-VALUE}).")
        Duration retention;

        @Option(names = "--tls-keystore", paramLabel = "FILE", defaultValue = "${env:RPS_TLS_KEYSTORE}",
                description = "Serve HTTPS with the certificate in this PKCS12 (.p12) or JKS (.jks) keystore "
                        + "(env RPS_TLS_KEYSTORE).")
        Path tlsKeystore;

        @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD",
                defaultValue = "${env:RPS_TLS_KEYSTORE_PASSWORD}",
                description = "Password of the keystore (env RPS_TLS_KEYSTORE_PASSWORD; prefer the variable, "
                        + "command lines are visible to other users).")
        String tlsPassword;

        @Option(names = "--evaluation-time-limit", paramLabel = "DURATION", defaultValue = "2s",
                converter = DurationOption.class,
                description = "Longest one evaluation's rules may run before that request fails (default "
                        + "${DEFAULT-VALUE}).")
        Duration evaluationTimeLimit;

        @Option(names = "--evaluation-firing-limit", paramLabel = "N", defaultValue = "10000",
                description = "Most rule firings one evaluation may take before that request fails (default "
                        + "${DEFAULT-VALUE}).")
        int evaluationFiringLimit;

        @Option(names = "--shutdown-grace", paramLabel = "DURATION", defaultValue = "30s",
                converter = DurationOption.class,
                description = "On SIGTERM, how long to let requests in flight finish (default ${DEFAULT-VALUE}).")
        Duration shutdownGrace;

        @picocli.CommandLine.Mixin

        RulesFolderOption rulesFolder;

        @Option(names = "--watch-rules", negatable = true, defaultValue = "${env:RPS_WATCH_RULES:-true}",
                fallbackValue = "true",
                description = "Reload the rules when files under --rules change (env RPS_WATCH_RULES, default "
                        + "${DEFAULT-VALUE}); POST /v1/rules/reload works either way.")
        boolean watchRules;

        @picocli.CommandLine.Mixin
        DatabaseOptions db;

        @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:RPS_LOG_FORMAT:-text}",
                description = "text (readable lines) or json (one JSON object per event, for log search) "
                        + "(env RPS_LOG_FORMAT, default ${DEFAULT-VALUE}).")
        Logs.Format logFormat;

        @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:RPS_LOG_LEVEL:-INFO}",
                converter = LogLevel.class,
                description = "TRACE, DEBUG, INFO, WARN or ERROR (env RPS_LOG_LEVEL, default ${DEFAULT-VALUE}).")
        String logLevel;

        static final class LogLevel implements picocli.CommandLine.ITypeConverter<String> {
            @Override
            public String convert(String value) {
                return Logs.level(value);
            }
        }

        @Override
        public Integer call() throws Exception {
            Logs.configure(logFormat, logLevel);
            if (port < 0 || port > 65535) {
                System.err.println("--port must be from 0 to 65535");
                return 2;
            }
            if (rateLimit < 0 || evaluationFiringLimit < 1) {
                System.err.println("--rate-limit must be 0 or more and --evaluation-firing-limit at least 1");
                return 2;
            }
            DatabaseConfig database = db.config();
            ServerConfig.Protection protection = new ServerConfig.Protection(rateLimit, retention,
                    tlsKeystore == null ? null : new ServerConfig.Tls(tlsKeystore, tlsPassword),
                    new EvaluationBudget(evaluationFiringLimit, evaluationTimeLimit), shutdownGrace);
            App app;
            try {
                app = App.start(new ServerConfig(host, port, rulesFolder.rules, database, watchRules, protection));
            } catch (App.UnprotectedException | IllegalArgumentException e) {
                System.err.println("Not starting: " + e.getMessage());
                return 3;
            } catch (RulesInvalidException e) {
                System.err.println("Not starting: the rules in " + rulesFolder.rules.toAbsolutePath() + " have errors:");
                for (RuleProblem p : e.problems()) {
                    System.err.println("  " + p);
                }
                return 3;
            } catch (java.io.IOException e) {
                System.err.println("Not starting: " + e.getMessage());
                return 3;
            } catch (RuntimeException e) {
                // Typically the database: unreachable, wrong credentials, or a schema Hibernate cannot validate.
                System.err.println("Not starting: cannot open the decision database at " + database.describe()
                        + ": " + rootMessage(e));
                return 3;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }

        static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
    }
}
