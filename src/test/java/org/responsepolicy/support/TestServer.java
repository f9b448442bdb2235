package org.responsepolicy.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import org.responsepolicy.app.App;
import org.responsepolicy.app.ServerConfig;
import org.responsepolicy.store.DatabaseConfig;

/** The real server on a free port, with the bundled rules, for REST Assured tests. */
public final class TestServer implements AutoCloseable {

    private final App app;

    private TestServer(App app) {
        this.app = app;
    }

    /** With embedded H2 in a fresh temporary folder. */
    public static TestServer withH2() throws Exception {
        Path dataDir = Files.createTempDirectory("rps-test-");
        return start(DatabaseConfig.embedded(dataDir));
    }

    public static TestServer start(DatabaseConfig database) throws Exception {
        return start(database, staffedClock());
    }

    /**
     * A running clock that reads Wednesday 18 November 2026 from 10:00 Warsaw time on: within every bundled
     * brand's staffed hours, so tests that are not about time give the same answers by day and by night.
     */
    public static java.time.Clock staffedClock() {
        java.time.Instant wednesdayMorning = java.time.Instant.parse("2026-11-18T09:00:00Z");
        return java.time.Clock.offset(java.time.Clock.systemUTC(),
                java.time.Duration.between(java.time.Instant.now(), wednesdayMorning));
    }

    /** With the bundled rules and a clock the test controls. */
    public static TestServer start(DatabaseConfig database, java.time.Clock clock) throws Exception {
        return new TestServer(App.start(new ServerConfig("127.0.0.1", 0, BundledRules.FOLDER, database, false), clock,
                () -> java.util.UUID.randomUUID().toString()));
    }

    /** With any configuration and a clock the test controls. */
    public static TestServer start(ServerConfig config, java.time.Clock clock) throws Exception {
        return new TestServer(App.start(config, clock, () -> java.util.UUID.randomUUID().toString()));
    }

    /** With any configuration (host, TLS, limits) and the staffed clock. */
    public static TestServer start(ServerConfig config) throws Exception {
        return new TestServer(App.start(config, staffedClock(), () -> java.util.UUID.randomUUID().toString()));
    }

    /** With embedded H2 in a fresh temporary folder and a clock the test controls. */
    public static TestServer withH2(java.time.Clock clock) throws Exception {
        return start(DatabaseConfig.embedded(Files.createTempDirectory("rps-test-")), clock);
    }

    /** With its own rules folder (e.g. a copy to change), embedded H2 in a fresh folder. */
    public static TestServer withRules(Path rules, boolean watch) throws Exception {
        Path dataDir = Files.createTempDirectory("rps-test-");
        return new TestServer(App.start(new ServerConfig("127.0.0.1", 0, rules, DatabaseConfig.embedded(dataDir), watch),
                staffedClock(), () -> java.util.UUID.randomUUID().toString()));
    }

    /** A copy of the bundled rules folder in {@code target}, to change in a test. */
    public static Path copyOfBundledRules(Path target) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(BundledRules.FOLDER)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(BundledRules.FOLDER.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    public int port() {
        return app.port();
    }

    /** A request aimed at this server whose response is checked against api-spec/openapi.yaml. */
    public RequestSpecification request() {
        return RestAssured.given().port(app.port()).baseUri("http://127.0.0.1").filter(ContractValidation.FILTER);
    }

    @Override
    public void close() {
        app.close();
    }
}
