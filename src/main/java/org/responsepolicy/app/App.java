package org.responsepolicy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.ssl.SSLContextConfigurator;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.responsepolicy.access.AccessControl;
import org.responsepolicy.access.ApiKeys;
import org.responsepolicy.access.RateLimits;
import org.responsepolicy.privacy.Retention;
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
import org.responsepolicy.metrics.Metrics;
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
import org.responsepolicy.rulesadmin.TestedVersion;
import org.responsepolicy.policytest.Coverage;
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
    private final Retention retention;
    private final ScheduledExecutorService keyRefresh;
    private final Duration shutdownGrace;

    private App(HttpServer http, Database database, ActiveRuleSet rules, int port, RulesWatcher watcher,
                Retention retention, ScheduledExecutorService keyRefresh, Duration shutdownGrace) {
        this.http = http;
        this.database = database;
        this.rules = rules;
        this.port = port;
        this.watcher = watcher;
        this.retention = retention;
        this.keyRefresh = keyRefresh;
        this.shutdownGrace = shutdownGrace;
    }

    /** The server would listen beyond loopback without any API key: it refuses to start. */
    public static final class UnprotectedException extends RuntimeException {
        UnprotectedException(String message) {
            super(message);
        }
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
        org.responsepolicy.analysis.MentionAnalyzer.preloadLanguageModels();
        ObjectMapper json = Json.newMapper();
        ServerConfig.Protection protection = config.protection();
        Metrics metrics = new Metrics();
        // Served evaluations count rule firings; replays of candidate rules (their own rule names) do not.
        Evaluator servingEvaluator = new Evaluator(clock, decisionIds, protection.budget(), metrics.ruleFirings());
        Evaluator plainEvaluator = new Evaluator(clock, decisionIds, protection.budget());
        PolicyCaseRunner policyTests = new PolicyCaseRunner(json);
        ActiveRuleSet rules;
        TestedVersion initialTests;
        RuleFiles files = RuleFiles.read(config.rules());
        RuleSet initial = RuleSetLoader.load(files);
        // Rules that do not compile open nothing. Once they do, the database (pool, migrations, Hibernate)
        // comes up while the policy tests run: start-up takes the longer of the two, not their sum.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(config.database()),
                task -> new Thread(task, "database-open").start());
        try {
            // The same gate as a reload: a rule set whose own policy tests fail does not serve. Running every
            // case also loads the language models and dictionaries and warms Drools before the first customer.
            List<PolicyCaseResult> results = policyTests.run(PolicyCases.read(files), initial);
            List<PolicyCaseResult> failed = results.stream().filter(r -> !r.passed()).toList();
            if (!failed.isEmpty()) {
                throw new RulesInvalidException(ReloadOutcome.asProblems(failed));
            }
            rules = new ActiveRuleSet(initial);
            initialTests = new TestedVersion(initial.version(), results.size(), 0,
                    Coverage.of(initial.engine().rules(), results));
        } catch (RulesInvalidException | RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        LOG.info("Loaded rules from {} (version {})", config.rules().toAbsolutePath(), rules.get().version());
        Database database = opened(opening);
        LOG.info("Decision store ready at {}", config.database().describe());
        ScheduledExecutorService keyRefresh = null;
        Retention retention = null;
        try {
            ApiKeys keys = new ApiKeys(database.keyStore(), clock);
            keys.refresh();
            String host = config.host() != null && !config.host().isBlank() ? config.host()
                    : keys.anyActive() ? "0.0.0.0" : "127.0.0.1";
            boolean loopback = isLoopback(host);
            if (!loopback && !keys.anyActive()) {
                throw new UnprotectedException("listening on " + host + " (beyond this machine) requires API keys, and "
                        + "none exist. Create one with 'response-policy-server keys create --name <name> --role admin' "
                        + "(same database options), or listen on 127.0.0.1.");
            }
            if (!keys.anyActive()) {
                LOG.warn("No API keys configured: anyone on this machine may call every endpoint. Listening on "
                        + "loopback ({}) only; create a key ('keys create') to require keys.", host);
            }
            AccessControl access = new AccessControl(keys, new RateLimits(protection.defaultRateLimit()), !loopback);
            keyRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "api-key-refresh");
                t.setDaemon(true);
                return t;
            });
            keyRefresh.scheduleWithFixedDelay(keys::refresh, 2, 2, TimeUnit.SECONDS);
            retention = new Retention(database.personalData(), protection.retention(), clock);
            retention.startHourly();
            RuleReloader reloader = new RuleReloader(config.rules(), rules, policyTests, clock,
                    database.ruleVersionLog(json), outcome -> metrics.reload(outcome.result()));
            reloader.versions().recordActivation(files, "startup", clock.instant());
            reloader.folderReadAtStartup(files.version(), initialTests);
            DecisionLog decisions = database.decisionLog(json);
            Database.HistoryAndIncidents history = database.mentionHistory(() -> UUID.randomUUID().toString(), json);
            RecordingEvaluator evaluator = new RecordingEvaluator(servingEvaluator, rules, history.history());
            ApiDependencies dependencies = new ApiDependencies(evaluator, decisions, rules, database::isReachable,
                    reloader, plainEvaluator, history.incidents(), clock, access, database.auditTrail(),
                    database.personalData(), retention, metrics, database.decisionOverview());
            ActiveRuleSet active = rules;
            metrics.activeRuleset(() -> active.get().version());
            database.publishPoolMetrics(metrics.registry());
            metrics.openIncidents(database::isReachable, () -> history.incidents().list(null, "open", 10_000,
                    clock.instant(), brand -> active.get().brands().settingsFor(brand).crisis().quietPeriod()).size());
            GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    ApiApplication.resourceConfig(dependencies, json));
            HttpServer http = new HttpServer();
            NetworkListener listener = new NetworkListener("http", host, config.port());
            if (protection.tls() != null) {
                listener.setSecure(true);
                listener.setSSLEngineConfig(tls(protection.tls()));
            }
            // Requests wait for their batch's commit rather than use the CPU, so far more of them than cores
            // can be in flight; each one in flight joins the next group commit.
            listener.getTransport().setWorkerThreadPoolConfig(org.glassfish.grizzly.threadpool.ThreadPoolConfig
                    .defaultConfig().setPoolName("Grizzly-worker").setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
            listener.registerAddOn(new NoProtocolUpgrade());
            http.addListener(listener);
            http.getServerConfiguration().addHttpHandler(new ProblemSafeHandler(jersey), "/");
            http.getServerConfiguration().setDefaultQueryEncoding(java.nio.charset.StandardCharsets.UTF_8);
            http.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemSafeHandler.NoStackTraces());
            http.start();
            int port = http.getListeners().iterator().next().getPort();
            LOG.info("Response Policy Server listening on {}://{}:{} (started in {} ms)",
                    protection.tls() == null ? "http" : "https", host, port, (System.nanoTime() - started) / 1_000_000);
            RulesWatcher watcher = config.watchRules() ? new RulesWatcher(config.rules(), reloader, 500) : null;
            return new App(http, database, rules, port, watcher, retention, keyRefresh, protection.shutdownGrace());
        } catch (IOException | RuntimeException e) {
            if (keyRefresh != null) {
                keyRefresh.shutdownNow();
            }
            if (retention != null) {
                retention.close();
            }
            database.close();
            throw e;
        }
    }

    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** HTTP worker threads. */
    static final int WORKERS = 64;

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host to listen on: " + host, e);
        }
    }

    private static SSLEngineConfigurator tls(ServerConfig.Tls tls) {
        if (!Files.isReadable(tls.keystore())) {
            throw new IllegalArgumentException("cannot read the TLS keystore " + tls.keystore().toAbsolutePath());
        }
        SSLContextConfigurator context = new SSLContextConfigurator();
        context.setKeyStoreFile(tls.keystore().toAbsolutePath().toString());
        context.setKeyStorePass(tls.password() == null ? "" : tls.password());
        String name = tls.keystore().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        context.setKeyStoreType(name.endsWith(".jks") ? "JKS" : "PKCS12");
        if (!context.validateConfiguration(true)) {
            throw new IllegalArgumentException("the TLS keystore " + tls.keystore().toAbsolutePath()
                    + " cannot be opened with the given password, or holds no key");
        }
        return new SSLEngineConfigurator(context.createSSLContext(true), false, false, false);
    }

    public int port() {
        return port;
    }

    public ActiveRuleSet rules() {
        return rules;
    }

    /**
     * Stops accepting connections, lets requests in flight finish (their decisions are being stored) for up to the
     * shutdown grace, then closes the database. Called on SIGTERM.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        LOG.info("Stopping: draining requests in flight (up to {} s)", shutdownGrace.toSeconds());
        try {
            http.shutdown(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)
                    .get(shutdownGrace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Requests still running after the shutdown grace; stopping now");
            http.shutdownNow();
        }
        keyRefresh.shutdownNow();
        retention.close();
        database.close();
        LOG.info("Stopped");
    }
}
