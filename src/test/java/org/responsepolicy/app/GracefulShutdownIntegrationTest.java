package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.store.Database;
import org.responsepolicy.store.DatabaseConfig;

/**
 * SIGTERM to the real packaged server under load: requests in flight finish, and every decision a client
 * received is in the database afterwards.
 */
class GracefulShutdownIntegrationTest {

    /** The server's own output, kept as a test artifact. */
    private static final Path LOG_FILE = Path.of("target", "graceful-shutdown-server.log");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermDrainsRequestsInFlightAndLosesNoAcceptedDecision(@TempDir Path temp) throws Exception {
        Path jar = Path.of("target", "response-policy-server.jar");
        assertTrue(Files.exists(jar), "run through 'mvn verify': the packaged jar is needed");
        Path data = temp.resolve("data");
        Files.deleteIfExists(LOG_FILE);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--port", "0", "--host", "127.0.0.1", "--rules", "rules",
                "--data-dir", data.toString(), "--no-watch-rules").redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        int port = awaitPort(server, output);

        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger inFlightAtStop = new AtomicInteger();
        AtomicInteger finishedAfterStop = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int c = 0; c < 6; c++) {
            clients.submit(() -> {
                while (true) {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        batch.add(Map.of("id", "sd-" + UUID.randomUUID(), "brand", "bank-" + (i % 4), "channel",
                                "twitter", "text", i % 2 == 0 ? "Nie działa mi aplikacja od rana, co się dzieje?"
                                        : "Дякую за швидку допомогу!"));
                    }
                    boolean startedBeforeStop = !stopping.get();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/v1/mentions/evaluate-batch"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("mentions", batch))))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 503 && stopping.get()) {
                            // A stopping server turns new requests away; nothing was accepted, the client retries.
                            refused.incrementAndGet();
                            continue;
                        }
                        if (r.statusCode() != 200) {
                            unexpected.add((stopping.get() ? "after SIGTERM: " : "before SIGTERM: ") + r.statusCode() + " " + r.body());
                            continue;
                        }
                        if (startedBeforeStop && stopping.get()) {
                            finishedAfterStop.incrementAndGet();
                        }
                        for (JsonNode item : json.readTree(r.body()).get("results")) {
                            if (item.get("status").asInt() != 200) {
                                unexpected.add("item: " + item);
                            } else {
                                received.add(item.get("decision").get("decisionId").asText());
                            }
                        }
                    } catch (java.io.IOException e) {
                        // Refused or reset once the server stops accepting: the client was told nothing, it retries.
                        refused.incrementAndGet();
                        if (stopping.get()) {
                            return null;
                        }
                    }
                }
            });
        }
        Thread.sleep(4_000);
        stopping.set(true);
        server.destroy(); // SIGTERM
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops by itself after draining");
        outputReader.join(10_000); // the last lines may still be in the pipe
        assertEquals(143, server.exitValue(), "stopped by SIGTERM through the shutdown hook");
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "no client hangs");

        assertTrue(unexpected.isEmpty(), "only 200s, or refusals once stopping: " + unexpected + "\nserver log:\n"
                + String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size())));
        assertTrue(received.size() > 100, "load was running: " + received.size());
        try (Database db = Database.open(DatabaseConfig.embedded(data))) {
            DecisionLog decisions = db.decisionLog(org.responsepolicy.app.Json.newMapper());
            List<String> missing = received.stream().filter(id -> decisions.findById(id).isEmpty()).toList();
            assertEquals(List.of(), missing, "every decision a client received is stored");
        }
        System.out.printf("SIGTERM under load: %d decisions received and all stored, %d batches finished after "
                + "SIGTERM, %d refused%n", received.size(), finishedAfterStop.get(), refused.get());
    }

    private Thread outputReader;

    private int awaitPort(Process server, List<String> output) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        int[] port = {-1};
        outputReader = new Thread(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Files.writeString(LOG_FILE, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        synchronized (port) {
                            port[0] = Integer.parseInt(m.group(1));
                            port.notifyAll();
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        }, "server-output");
        outputReader.setDaemon(true);
        outputReader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        synchronized (port) {
            while (port[0] < 0 && System.nanoTime() < deadline && server.isAlive()) {
                port.wait(500);
            }
        }
        assertTrue(port[0] > 0, "server did not start: " + String.join("\n", output));
        return port[0];
    }
}
