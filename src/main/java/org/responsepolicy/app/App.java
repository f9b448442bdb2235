package org.responsepolicy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.responsepolicy.api.ApiApplication;
import org.responsepolicy.api.ApiDependencies;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.RecordingEvaluator;
import org.responsepolicy.ruleset.ActiveRuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;
import org.responsepolicy.ruleset.RuleFiles;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.policytest.PolicyCaseResult;
import org.responsepolicy.policytest.PolicyCaseRunner;
import org.responsepolicy.policytest.PolicyCases;
import org.responsepolicy.rulesadmin.ReloadOutcome;
import org.responsepolicy.rulesadmin.RuleReloader;
import org.responsepolicy.rulesadmin.RulesWatcher;
import java.util.List;
import org.responsepolicy.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring: loads the rules, opens the database, builds the API and starts Grizzly. The only place that
 * knows how the pieces fit; tests start the server through it too.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final HttpServer http;
    private final Database database;
    private final ActiveRuleSet rules;
    private final int port;
    private final RulesWatcher watcher;

    private App(HttpServer http, Database database, ActiveRuleSet rules, int port, RulesWatcher watcher) {
        this.http = http;
        this.database = database;
        this.rules = rules;
        this.port = port;
        this.watcher = watcher;
    }

    /** Starts the server with the system clock and random decision ids. */
    public static App start(ServerConfig config) throws IOException, RulesInvalidException {
        return start(config, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /**
     * @throws RulesInvalidException when a rule file does not compile or validate: the server does not start
     */
    public static App start(ServerConfig config, Clock clock, Supplier<String> decisionIds)
            throws IOException, RulesInvalidException {
        long started = System.nanoTime();
        ObjectMapper json = Json.newMapper();
        Evaluator plainEvaluator = new Evaluator(clock, decisionIds);
        PolicyCaseRunner policyTests = new PolicyCaseRunner(json);
        RuleFiles files = RuleFiles.read(config.rules());
        RuleSet initial = RuleSetLoader.load(files);
        // The same gate as a reload: a rule set whose own policy tests fail does not serve. Running every
        // case also loads the language models and dictionaries and warms Drools before the first customer.
        List<PolicyCaseResult> failed = policyTests.run(PolicyCases.read(files), initial).stream()
                .filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new RulesInvalidException(ReloadOutcome.asProblems(failed));
        }
        ActiveRuleSet rules = new ActiveRuleSet(initial);
        LOG.info("Loaded rules from {} (version {})", config.rules().toAbsolutePath(), rules.get().version());
        Database database = Database.open(config.database());
        LOG.info("Decision store ready at {}", config.database().describe());
        try {
            RuleReloader reloader = new RuleReloader(config.rules(), rules, policyTests, clock,
                    database.ruleVersionLog(json));
            reloader.versions().recordActivation(files, "startup", clock.instant());
            reloader.folderReadAtStartup(files.version());
            DecisionLog decisions = database.decisionLog(json);
            Database.HistoryAndIncidents history = database.mentionHistory(() -> UUID.randomUUID().toString());
            RecordingEvaluator evaluator = new RecordingEvaluator(plainEvaluator, decisions, rules, history.history());
            ApiDependencies dependencies = new ApiDependencies(evaluator, decisions, rules, database::isReachable,
                    reloader, plainEvaluator, history.incidents(), clock);
            GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    ApiApplication.resourceConfig(dependencies, json));
            HttpServer http = new HttpServer();
            http.addListener(new NetworkListener("http", config.host(), config.port()));
            http.getServerConfiguration().addHttpHandler(new ProblemSafeHandler(jersey), "/");
            http.getServerConfiguration().setDefaultQueryEncoding(java.nio.charset.StandardCharsets.UTF_8);
            http.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemSafeHandler.NoStackTraces());
            http.start();
            int port = http.getListeners().iterator().next().getPort();
            LOG.info("Response Policy Server listening on http://{}:{} (started in {} ms)", config.host(), port,
                    (System.nanoTime() - started) / 1_000_000);
            RulesWatcher watcher = config.watchRules() ? new RulesWatcher(config.rules(), reloader, 500) : null;
            return new App(http, database, rules, port, watcher);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public ActiveRuleSet rules() {
        return rules;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        // Let in-flight requests finish (their decisions are being stored), then stop.
        try {
            http.shutdown(5, java.util.concurrent.TimeUnit.SECONDS).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
        }
        database.close();
    }
}
