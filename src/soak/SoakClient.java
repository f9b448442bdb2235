// The load client of src/soak/soak.sh; JDK only, run as a single-file program:
//
//   java src/soak/SoakClient.java --url http://127.0.0.1:PORT --seconds 300 --clients 8 \
//        --eval src/test/resources/eval --out requests.tsv [--timeout-seconds 30]
//
// C clients, each on its own connection, POST mentions until the time is up; a failed mention is sent again
// with the same id after Retry-After, as a CRM would, until it gets its decision (or 90 s after the end).
// One more thread asks GET /health every second. Every request becomes one line of requests.tsv, which
// SoakReconcile.java then holds against the database.

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public final class SoakClient {
    // acme-bank twice: the busiest brand, and the one with its own settings file; the others use the defaults.
    static final String[] BRANDS = {"acme-bank", "acme-bank", "vistula-bank", "dnipro-bank", "duna-bank"};
    static final String[] NAMES = {"Anna Nowak", "Piotr Wiśniewski", "Olena Kovalenko", "Тарас Шевчук",
        "Ирина Смирнова", "Дмитрий Волков", "Nagy Eszter", "Kovács Péter", "Jane Doe", "Tom Baker", "", "kasia"};
    static final int[] FOLLOWERS = {0, 12, 85, 430, 2100, 5400, 18000, 240000};
    static final int REPEAT_PERCENT = 3;       // re-send an id that already got its decision: must replay it
    static final int TWIN_PERCENT = 1;         // another client sends the same new mention at once: one decision
    static final int MAX_ATTEMPTS = 30;        // per mention; 30 x Retry-After 5 s outlasts a 20 s outage easily
    static final long DRAIN_MILLIS = 90_000;   // after the load, time left to get the failed mentions through

    record Sample(String channel, String visibility, String text, boolean personalData) {
    }

    record Mention(String brand, String id, String body) {
    }

    record Retry(Mention mention, String kind, int attempt, long due) {
    }

    private final URI uri;
    private final long seconds;
    private final int clients;
    private final Duration timeout;
    private final List<Sample> samples;
    private final BufferedWriter out;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparingLong(Retry::due)); // guarded by itself
    private final Mention[] recent = new Mention[4096]; // guarded by itself: answered mentions to repeat
    private long recentCount;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public static void main(String[] args) throws Exception {
        new SoakClient(options(args)).run();
    }

    SoakClient(Map<String, String> o) throws IOException {
        uri = URI.create(need(o, "url") + "/v1/mentions/evaluate");
        seconds = Long.parseLong(need(o, "seconds"));
        clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-seconds", "30")));
        samples = samples(Path.of(need(o, "eval")));
        out = Files.newBufferedWriter(Path.of(need(o, "out")), StandardCharsets.UTF_8);
        out.write("sent_ms\tanswered_ms\tclient\tkind\tattempt\tbrand\tmention_id\tstatus\tdecision_id\treplayed"
                + "\truleset_version\tretry_after\tcontent_type\tproblem_type\terror\terror_id\n");
        out.flush(); // soak.sh starts its clock when this header appears
    }

    void run() throws Exception {
        long start = System.currentTimeMillis();
        long loadEnd = start + seconds * 1000;
        System.err.printf(Locale.ROOT, "soak client: %d clients for %d s, %d texts (%d with personal data)%n", clients,
                seconds, samples.size(), samples.stream().filter(Sample::personalData).count());
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            int client = n;
            Thread t = new Thread(() -> client(client, loadEnd, loadEnd + DRAIN_MILLIS), "client-" + n);
            t.start();
            threads.add(t);
        }
        // /health shares the server's worker threads with the evaluations: does it still answer in an outage?
        Thread health = new Thread(() -> probeHealth(loadEnd), "health");
        health.start();
        threads.add(health);
        Thread progress = new Thread(() -> progress(start), "progress");
        progress.setDaemon(true);
        progress.start();
        for (Thread t : threads) {
            t.join();
        }
        progress.interrupt();
        progress.join();
        synchronized (out) {
            out.close();
        }
        synchronized (retries) {
            System.err.printf(Locale.ROOT, "soak client: done after %.1f s; %d mentions still without a decision%n",
                    (System.currentTimeMillis() - start) / 1000.0, retries.size());
        }
    }

    private void client(int n, long loadEnd, long drainEnd) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(n * 7919L + loadEnd);
        long seq = 0;
        while (true) {
            long now = System.currentTimeMillis();
            Retry retry = dueRetry(now);
            if (retry != null) {
                attempt(http, n, retry.mention(), retry.kind(), retry.attempt());
            } else if (now < loadEnd) {
                Mention repeat = random.nextInt(100) < REPEAT_PERCENT ? recentOne(random) : null;
                if (repeat != null) {
                    attempt(http, n, repeat, "repeat", 1);
                } else {
                    Mention m = mention(n, ++seq, random, now);
                    if (random.nextInt(100) < TWIN_PERCENT) {
                        schedule(new Retry(m, "twin", 1, now)); // due now: the next free client sends it too
                    }
                    attempt(http, n, m, "new", 1);
                }
            } else if (now < drainEnd && (pendingRetries() > 0 || inFlight.get() > 0)) {
                pause(100); // the load is over; wait for the retries that are not due yet
            } else {
                return;
            }
        }
    }

    private void attempt(HttpClient http, int client, Mention m, String kind, int attempt) {
        inFlight.incrementAndGet();
        sent.incrementAndGet();
        long sentAt = System.currentTimeMillis();
        int status = 0;
        String decisionId = "", replayed = "", version = "", retryAfter = "", contentType = "", problemType = "", error = "";
        String errorId = "";
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(m.body())).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            retryAfter = r.headers().firstValue("Retry-After").orElse("");
            contentType = r.headers().firstValue("Content-Type").orElse("");
            if (status == 200) {
                decisionId = field(r.body(), "decisionId");
                version = field(r.body(), "rulesetVersion");
                replayed = r.headers().firstValue("Idempotent-Replayed").orElse("false");
            } else {
                problemType = field(r.body(), "type");
                errorId = field(r.body(), "errorId"); // the server log's key for this failure
            }
        } catch (HttpConnectTimeoutException e) {
            error = "connect-timeout";
        } catch (HttpTimeoutException e) {
            error = "timeout";
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long answeredAt = System.currentTimeMillis();
        write(String.join("\t", Long.toString(sentAt), Long.toString(answeredAt), Integer.toString(client), kind,
                Integer.toString(attempt), m.brand(), m.id(), Integer.toString(status), decisionId, replayed, version,
                cell(retryAfter), cell(contentType), cell(problemType), cell(error), cell(errorId)));
        if (status == 200) {
            ok.incrementAndGet();
            if (kind.equals("new") || kind.equals("retry")) {
                remember(m);
            }
        } else {
            (status == 503 ? unavailable : failed).incrementAndGet();
            // A CRM retries with the same id after Retry-After (5 s without one); a 4xx would not get better.
            if (status / 100 != 4 && attempt < MAX_ATTEMPTS) {
                long wait = retryAfter.matches("\\d+") ? Long.parseLong(retryAfter) * 1000 : 5000;
                schedule(new Retry(m, "retry", attempt + 1, answeredAt + wait));
            }
        }
        inFlight.decrementAndGet(); // last, so the drain never sees "nothing pending" before the retry is queued
        if (status == 0) {
            pause(1000); // no HTTP answer at all (server gone?): this client backs off instead of spinning
        }
    }

    /** GET /health once a second until the load ends; one line each, kind "health". */
    private void probeHealth(long until) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI health = uri.resolve("/health");
        while (System.currentTimeMillis() < until) {
            long sentAt = System.currentTimeMillis();
            int status = 0;
            String error = "", database = "";
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                database = field(r.body(), "database");
            } catch (HttpTimeoutException e) {
                error = "timeout";
            } catch (IOException | RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                return;
            }
            long answeredAt = System.currentTimeMillis();
            write(String.join("\t", Long.toString(sentAt), Long.toString(answeredAt), "-1", "health", "1", "-", "-",
                    Integer.toString(status), "", "", "", "", "", "database " + database, cell(error), ""));
            pause(Math.max(0, 1000 - (answeredAt - sentAt)));
        }
    }

    private Mention mention(int client, long seq, Random random, long now) {
        Sample s = samples.get(random.nextInt(samples.size()));
        String brand = BRANDS[random.nextInt(BRANDS.length)];
        String id = "soak-" + runId + "-" + client + "-" + seq;
        int author = random.nextInt(400); // a limited crowd, so authors come back and build a history
        String name = NAMES[author % NAMES.length];
        Instant published = Instant.ofEpochMilli(now).minusSeconds(random.nextInt(900)).truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"id\":" + json(id) + ",\"brand\":" + json(brand) + ",\"channel\":" + json(s.channel())
                + ",\"visibility\":" + json(s.visibility()) + ",\"text\":" + json(s.text())
                + ",\"author\":{\"handle\":" + json("soak_user_" + author)
                + (name.isEmpty() ? "" : ",\"displayName\":" + json(name))
                + ",\"followers\":" + FOLLOWERS[author % FOLLOWERS.length] + "}"
                + ",\"publishedAt\":" + json(published.toString()) + "}";
        return new Mention(brand, id, body);
    }

    private Retry dueRetry(long now) {
        synchronized (retries) {
            Retry head = retries.peek();
            return head != null && head.due() <= now ? retries.poll() : null;
        }
    }

    private void schedule(Retry retry) {
        synchronized (retries) {
            retries.add(retry);
        }
    }

    private int pendingRetries() {
        synchronized (retries) {
            return retries.size();
        }
    }

    private void remember(Mention m) {
        synchronized (recent) {
            recent[(int) (recentCount++ % recent.length)] = m;
        }
    }

    private Mention recentOne(Random random) {
        synchronized (recent) {
            return recentCount == 0 ? null : recent[random.nextInt((int) Math.min(recentCount, recent.length))];
        }
    }

    private void write(String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void progress(long start) {
        while (!Thread.currentThread().isInterrupted()) {
            pause(15_000);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            System.err.printf(Locale.ROOT, "soak client: %5.0f s  requests %d  200 %d  503 %d  other %d  awaiting retry %d%n",
                    (System.currentTimeMillis() - start) / 1000.0, sent.get(), ok.get(), unavailable.get(), failed.get(),
                    pendingRetries());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The labelled mentions of src/test/resources/eval: every item's channel, visibility and text. */
    static List<Sample> samples(Path folder) throws IOException {
        List<Sample> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            String channel = "twitter", visibility = "public", text = null;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("- id:")) {
                    channel = "twitter";
                    visibility = "public";
                    text = null;
                } else if (line.startsWith("  channel: ")) {
                    channel = line.substring(11).strip();
                } else if (line.startsWith("  visibility: ")) {
                    visibility = line.substring(14).strip();
                } else if (line.startsWith("  text: \"")) {
                    text = unquote(line.substring(8).strip());
                } else if (line.startsWith("    personalData:") && text != null) {
                    all.add(new Sample(channel, visibility, text, !line.endsWith("[]")));
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no mentions found in " + folder);
        }
        return all;
    }

    /** A YAML double-quoted scalar on one line. */
    static String unquote(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key + " (see the top of SoakClient.java)");
        }
        return v;
    }

    /** The first "key":"value" in a JSON text; enough for the flat fields read here. */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json == null ? "" : json);
        return m.find() ? m.group(1) : "";
    }

    /** Keeps a TSV cell on one line. */
    static String cell(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
