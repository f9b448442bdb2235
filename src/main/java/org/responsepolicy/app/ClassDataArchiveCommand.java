package org.responsepolicy.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.responsepolicy.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes a class-data-sharing archive (AppCDS) of the classes the server loads while starting and serving, so
 * the JVM maps them ready-parsed instead of loading ~15,000 classes from jars on every start: start-up falls
 * from about 9 s to about 6 s on two cores (bench/startup.sh). {@code mvn package} runs it; the server uses
 * the archive when started with {@code -XX:SharedArchiveFile=target/response-policy-server.jsa} and starts
 * normally, only slower, when the archive is missing or belongs to another build.
 *
 * <p>Two steps, each in its own JVM: a training run ({@link Training}) that starts the server on a free port
 * with an embedded database in a temporary folder and sends it evaluations in every served language, listing
 * the classes it loads; then {@code java -Xshare:dump} over that list. OpenJDK 17 crashes archiving lambda
 * proxies (and its dynamic archive, -XX:ArchiveClassesAtExit, crashes the same way), so the list leaves
 * them out; lambdas are linked at run time as usual.
 */
@Command(name = "class-data-archive", hidden = true, mixinStandardHelpOptions = true,
        description = "Write a class-data-sharing archive for a faster start (run by mvn package).")
final class ClassDataArchiveCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Archive to write (.jsa).")
    Path out;

    @Option(names = "--jar", required = true, paramLabel = "FILE",
            description = "The server jar, by the same path the server will be started with.")
    String jar;

    @Mixin
    RulesFolderOption rulesFolder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // An archive from an earlier build would no longer fit the jar: gone first, whatever happens next.
        Files.deleteIfExists(out);
        Path work = Files.createTempDirectory("rps-class-data");
        try {
            Path classList = work.resolve("classes.lst");
            int trained = run(work.resolve("training.log"), List.of(java, "-Xshare:off", "-XX:DumpLoadedClassList=" + classList, "-cp", jar,
                    Main.class.getName(), "class-data-training", "--rules", rulesFolder.rules.toString()));
            if (trained != 0) {
                return skipped("the training run failed (exit " + trained + ")");
            }
            List<String> classes = new ArrayList<>();
            for (String line : Files.readAllLines(classList)) {
                if (!line.startsWith("@")) {
                    classes.add(line);
                }
            }
            Path usable = work.resolve("classes-without-lambda-proxies.lst");
            Files.write(usable, classes);
            int dumped = run(work.resolve("dump.log"), List.of(java, "-Xshare:dump", "-Xlog:cds=off",
                    "-XX:SharedClassListFile=" + usable, "-XX:SharedArchiveFile=" + out, "-cp", jar));
            if (dumped != 0 || !Files.exists(out)) {
                return skipped("java -Xshare:dump failed (exit " + dumped + ")");
            }
            System.out.printf("class-data-archive: %s (%d classes, %d MB)%n", out, classes.size(),
                    Files.size(out) >> 20);
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The archive only speeds up start-up, so a JVM that cannot make one (another vendor's, say) does not fail the
     * build: the server then starts without it, as it does whenever the archive is missing.
     */
    private static int skipped(String why) {
        System.err.println("class-data-archive: WARNING: no archive written, " + why
                + "; the server starts without it, only slower");
        return 0;
    }

    /** Runs a step with its output in {@code log}, shown only if the step fails. */
    private static int run(Path log, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("RPS_CONFIG"); // the training run uses its own settings, not the user's file
        Process p = builder.start();
        int exit;
        if (p.waitFor(5, TimeUnit.MINUTES)) {
            exit = p.exitValue();
        } else {
            p.destroyForcibly();
            exit = 124;
        }
        if (exit != 0) {
            System.err.println(Files.readString(log));
        }
        return exit;
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The training run: the server as {@code serve} starts it, given work in every served language. */
    @Command(name = "class-data-training", hidden = true,
            description = "Start the server on a free port, evaluate a few mentions, stop (for class-data-archive).")
    static final class Training implements Callable<Integer> {

        /** A mention per served language, one with personal data, one in a language that is not served. */
        private static final List<String> TEXTS = List.of(
                "Nie działa mi aplikacja od rana, pomocy! Moja karta 4111 1111 1111 1111, zadzwońcie 601 234 567.",
                "Дякую за швидку допомогу з карткою, ви найкращі!",
                "Третий день не могу войти в приложение, верните мои деньги, буду жаловаться в ЦБ.",
                "Már harmadik napja nem működik a netbank, mikor javítjátok meg?",
                "Could you add Apple Pay for business accounts? Would love that. My email is jan@example.com",
                "Hallo, meine Überweisung ist nach 5 Tagen immer noch nicht angekommen.");

        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.newMapper();

        @Mixin
        RulesFolderOption rulesFolder;

        @Override
        public Integer call() throws Exception {
            Path data = Files.createTempDirectory("rps-class-data-training");
            App app = null;
            try {
                app = App.start(new ServerConfig("127.0.0.1", 0, rulesFolder.rules, DatabaseConfig.embedded(data),
                        false, ServerConfig.Protection.DEFAULTS.withRateLimit(0)));
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + app.port();
                for (int i = 0; i < TEXTS.size(); i++) {
                    String body = MAPPER.writeValueAsString(java.util.Map.of("id", "training-" + i,
                            "brand", "acme-bank", "channel", "twitter", "text", TEXTS.get(i),
                            "author", java.util.Map.of("handle", "training" + i)));
                    expectOk(http, HttpRequest.newBuilder(URI.create(base + "/v1/mentions/evaluate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                }
                expectOk(http, HttpRequest.newBuilder(URI.create(base + "/v1/decisions?brand=acme-bank&limit=5")).build());
                expectOk(http, HttpRequest.newBuilder(URI.create(base + "/health")).build());
                return 0;
            } finally {
                if (app != null) {
                    app.close();
                }
                deleteTree(data);
            }
        }

        private static void expectOk(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }
}
