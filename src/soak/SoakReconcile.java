// The reconciler of src/soak/soak.sh; JDK only, run as a single-file program:
//
//   java src/soak/SoakReconcile.java --requests requests.tsv --events events.tsv --stored stored.tsv \
//        [--timeout-seconds 30] [--margin-seconds 10]
//
// Holds what the clients were told (requests.tsv, written by SoakClient.java) against the rows the server
// stored (stored.tsv: brand, mention_id, decision_id) and the times soak.sh wrote down (events.tsv: name,
// epoch ms, note); prints the figures and the checks; exits 1 when a check fails.

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

public final class SoakReconcile {
    record Req(long sent, long answered, String kind, int attempt, String brand, String id, int status,
               String decisionId, boolean replayed, String version, String retryAfter, String contentType,
               String problemType, String error, String errorId) {
        String key() {
            return brand + " " + id;
        }

        long latency() {
            return answered - sent;
        }
    }

    record Event(long at, String note) {
    }

    record Check(String what, boolean passed, String detail) {
    }

    private final List<Req> reqs = new ArrayList<>();   // evaluations
    private final List<Req> probes = new ArrayList<>(); // GET /health
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, List<String>> stored = new HashMap<>();
    private final long timeoutMs;
    private final long marginMs;

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new SoakReconcile(o).run());
    }

    SoakReconcile(Map<String, String> o) throws IOException {
        timeoutMs = Long.parseLong(o.getOrDefault("timeout-seconds", "30")) * 1000;
        marginMs = Long.parseLong(o.getOrDefault("margin-seconds", "10")) * 1000;
        List<String> lines = Files.readAllLines(file(o, "requests"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            Req r = new Req(Long.parseLong(c[0]), Long.parseLong(c[1]), c[3], Integer.parseInt(c[4]), c[5], c[6],
                    Integer.parseInt(c[7]), c[8], c[9].equalsIgnoreCase("true"), c[10], c[11], c[12], c[13], c[14], c[15]);
            (r.kind().equals("health") ? probes : reqs).add(r);
        }
        for (String line : Files.readAllLines(file(o, "events"))) {
            String[] c = line.split("\t", 3);
            events.put(c[0], new Event(Long.parseLong(c[1]), c.length > 2 ? c[2] : ""));
        }
        for (String line : Files.readAllLines(file(o, "stored"))) {
            String[] c = line.split("\t", -1);
            stored.computeIfAbsent(c[0] + " " + c[1], k -> new ArrayList<>()).add(c[2]);
        }
    }

    private static Path file(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key + " (see the top of SoakReconcile.java)");
        }
        return Path.of(v);
    }

    int run() {
        if (reqs.isEmpty()) {
            System.out.println("FAIL  no request was sent");
            return 1;
        }
        long start = reqs.stream().mapToLong(Req::sent).min().orElseThrow();
        long end = reqs.stream().mapToLong(Req::answered).max().orElseThrow();
        Event down = events.get("db_down");
        Event up = events.get("db_up");
        long outageFrom = down == null ? Long.MAX_VALUE : down.at();
        long outageTo = up == null ? Long.MAX_VALUE : up.at() + marginMs;

        List<Req> ok = reqs.stream().filter(r -> r.status() == 200).toList();
        List<Req> bad = reqs.stream().filter(r -> r.status() != 200).toList();
        Map<String, Set<String>> decisionsByKey = new HashMap<>();
        ok.forEach(r -> decisionsByKey.computeIfAbsent(r.key(), k -> new LinkedHashSet<>()).add(r.decisionId()));
        Set<String> sentKeys = new LinkedHashSet<>();
        reqs.forEach(r -> sentKeys.add(r.key()));

        // 1. every 200 has exactly one stored row, with the decisionId the client got
        List<String> unmatched = new ArrayList<>();
        decisionsByKey.forEach((key, ids) -> {
            List<String> rows = stored.getOrDefault(key, List.of());
            if (rows.size() != 1 || ids.size() != 1 || !ids.contains(rows.get(0))) {
                unmatched.add(key + " answered " + ids + ", stored " + rows);
            }
        });
        // 2. repeats of an answered id were replayed with the same decision
        List<String> notReplayed = ok.stream().filter(r -> r.kind().equals("repeat") && !r.replayed())
                .map(r -> r.key() + " " + r.decisionId()).toList();
        // 3. hung: no answer within the per-request timeout
        List<Req> hung = Stream.concat(reqs.stream(), probes.stream())
                .filter(r -> r.error().equals("timeout") || r.latency() > timeoutMs).toList();
        // 4. failures are clean 503 problems that say when to retry
        List<Req> unclean = bad.stream().filter(r -> r.status() != 503 || r.retryAfter().isEmpty()
                || !r.contentType().startsWith("application/problem+json")
                || !r.problemType().equals("urn:response-policy:problem:storage_unavailable")).toList();
        // 5. ... and only while the database was away
        List<Req> outside = bad.stream().filter(r -> r.answered() < outageFrom || r.sent() > outageTo).toList();
        // 6. no mention left without a decision, and no stored decision nobody was given
        List<String> lost = sentKeys.stream().filter(k -> !decisionsByKey.containsKey(k)).toList();
        List<String> orphans = stored.keySet().stream().filter(k -> !decisionsByKey.containsKey(k)).toList();
        // 7. every rule edit became a version that answered
        List<String> versions = ok.stream().sorted(Comparator.comparingLong(Req::answered)).map(Req::version).distinct().toList();
        long edits = events.keySet().stream().filter(k -> k.startsWith("rules_edit")).count();
        // 8. the server recovered: decisions were made again after the database came back
        Req firstOkAfterUp = up == null ? null : ok.stream().filter(r -> r.sent() >= up.at())
                .min(Comparator.comparingLong(Req::answered)).orElse(null);

        List<Check> checks = List.of(
                new Check("every 200 has exactly one stored decision with the decisionId it returned", unmatched.isEmpty(),
                        unmatched.size() + " mismatched" + examples(unmatched)),
                new Check("repeats of an answered id were replayed with the same decisionId", notReplayed.isEmpty(),
                        notReplayed.size() + " not replayed" + examples(notReplayed)),
                new Check("no request hung (no answer within " + timeoutMs / 1000 + " s)", hung.isEmpty(),
                        hung.size() + " hung" + examples(hung.stream().map(SoakReconcile::describe).toList())),
                new Check("every failure is a 503 storage_unavailable problem+json with Retry-After", unclean.isEmpty(),
                        unclean.size() + " other" + examples(unclean.stream().map(SoakReconcile::describe).toList())),
                new Check("every failure overlaps the outage (MariaDB down .. up + " + marginMs / 1000 + " s)",
                        outside.isEmpty(), outside.size() + " outside" + examples(outside.stream()
                                .map(r -> describe(r) + " at +" + secs(r.sent() - start) + " s").toList())),
                new Check("every mention got its decision in the end (retried with the same id)", lost.isEmpty(),
                        lost.size() + " without one" + examples(lost)),
                new Check("no stored decision that no client was given", orphans.isEmpty(),
                        orphans.size() + " stored without a 200" + examples(orphans)),
                new Check("each of the " + edits + " rule edits became the version answering", versions.size() == edits + 1,
                        versions.size() + " versions answered: " + versions),
                new Check("the server process stayed up", !events.containsKey("server_exited"),
                        events.containsKey("server_exited") ? events.get("server_exited").note() : ""),
                new Check("decisions were made again after MariaDB came back", up == null || firstOkAfterUp != null,
                        up == null ? "no outage recorded" : firstOkAfterUp == null ? "no 200 after it" : "yes"));

        printFigures(start, end, ok, bad, hung, versions, outageFrom, outageTo, firstOkAfterUp);
        System.out.println();
        System.out.println("Checks");
        boolean allPassed = true;
        for (Check c : checks) {
            allPassed &= c.passed();
            System.out.println("  " + (c.passed() ? "PASS" : "FAIL") + "  " + c.what()
                    + (c.passed() ? "" : "\n        " + c.detail()));
        }
        System.out.println(allPassed ? "\nSOAK PASSED" : "\nSOAK FAILED");
        return allPassed ? 0 : 1;
    }

    private void printFigures(long start, long end, List<Req> ok, List<Req> bad, List<Req> hung, List<String> versions,
                              long outageFrom, long outageTo, Req firstOkAfterUp) {
        double seconds = (end - start) / 1000.0;
        Map<String, Long> kinds = new TreeMap<>();
        reqs.forEach(r -> kinds.merge(r.kind(), 1L, Long::sum));
        long unavailable = bad.stream().filter(r -> r.status() == 503).count();
        long transport = bad.stream().filter(r -> r.status() == 0).count();
        Map<Integer, Long> otherStatuses = new TreeMap<>();
        bad.stream().filter(r -> r.status() != 503 && r.status() != 0).forEach(r -> otherStatuses.merge(r.status(), 1L, Long::sum));
        List<Req> calm = reqs.stream().filter(r -> r.answered() < outageFrom || r.sent() > outageTo).toList();
        List<Req> stormy = reqs.stream().filter(r -> !(r.answered() < outageFrom || r.sent() > outageTo)).toList();
        Set<String> retryAfters = new TreeSet<>();
        bad.stream().filter(r -> r.status() == 503).forEach(r -> retryAfters.add(r.retryAfter()));
        // Mentions that failed, yet whose next attempt was replayed: a failed request had stored the decision
        // (a commit whose answer was lost, or a request the client gave up on). Twins are left out.
        Map<String, List<Req>> byKey = new HashMap<>();
        reqs.stream().sorted(Comparator.comparingLong(Req::sent))
                .forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        Map<String, Long> storedDespite = new TreeMap<>();
        for (List<Req> attempts : byKey.values()) {
            int firstOk = 0;
            while (firstOk < attempts.size() && attempts.get(firstOk).status() != 200) {
                firstOk++;
            }
            if (firstOk > 0 && firstOk < attempts.size() && attempts.get(firstOk).replayed()
                    && attempts.stream().noneMatch(r -> r.kind().equals("twin"))) {
                Req failed = attempts.get(firstOk - 1); // the attempt just before: the one that stored it, likely
                storedDespite.merge(failed.status() != 0 ? Integer.toString(failed.status())
                        : failed.error().equals("timeout") ? "client timeout" : "transport error", 1L, Long::sum);
            }
        }

        System.out.println("Soak figures");
        row("duration", String.format(Locale.ROOT, "%.1f s (first request sent .. last answered, retries included)", seconds));
        row("requests", reqs.size() + "  (" + kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        row("200", ok.size() + "  (distinct mentions decided: " + ok.stream().map(Req::key).distinct().count() + ")");
        row("503", unavailable + (unavailable == 0 ? "" : "  (Retry-After " + retryAfters + ")"));
        row("other errors", (bad.size() - unavailable) + "  (transport " + transport + ", statuses " + otherStatuses + ")");
        row("hung (> " + timeoutMs / 1000 + " s)", Integer.toString(hung.size()));
        row("throughput", String.format(Locale.ROOT, "%.1f decisions/s, %.1f requests/s", ok.size() / seconds, reqs.size() / seconds));
        row("latency, all", latency(reqs));
        row("latency, outside outage", latency(calm) + "  (n=" + calm.size() + ")");
        row("latency, during outage", latency(stormy) + "  (n=" + stormy.size() + ")");
        if (!probes.isEmpty()) {
            List<Req> calmProbes = probes.stream().filter(r -> r.answered() < outageFrom || r.sent() > outageTo).toList();
            List<Req> stormyProbes = probes.stream().filter(r -> !(r.answered() < outageFrom || r.sent() > outageTo)).toList();
            row("GET /health, outside outage", statuses(calmProbes) + "  " + latency(calmProbes));
            row("GET /health, during outage", statuses(stormyProbes) + "  " + latency(stormyProbes));
        }
        row("rule versions answering", versions.size() + " -> reloads observed: " + (versions.size() - 1));
        for (Map.Entry<String, Event> e : events.entrySet()) {
            row("  event " + e.getKey(), String.format(Locale.ROOT, "%s s  %s", signed(e.getValue().at() - start), e.getValue().note()));
        }
        Event down = events.get("db_down");
        Event up = events.get("db_up");
        if (down != null && up != null) {
            Req firstBad = bad.stream().filter(r -> r.answered() >= down.at()).min(Comparator.comparingLong(Req::answered)).orElse(null);
            Req lastBad = bad.stream().max(Comparator.comparingLong(Req::answered)).orElse(null);
            Req firstOk = ok.stream().filter(r -> r.answered() >= up.at()).min(Comparator.comparingLong(Req::answered)).orElse(null);
            row("MariaDB outage", secs(up.at() - down.at()) + " s (" + down.note() + ", down at +" + secs(down.at() - start)
                    + " s, answering again at +" + secs(up.at() - start) + " s)");
            row("first failure after it went down", firstBad == null ? "none" : signed(firstBad.answered() - down.at()) + " s");
            row("time to recover after it was back", (firstOk == null ? "never" : "first 200 at " + signed(firstOk.answered() - up.at())
                    + " s") + (lastBad == null ? "" : "; last failure answered at " + signed(lastBad.answered() - up.at()) + " s")
                    + (firstOkAfterUp == null ? "" : "; first request sent after it answered in " + firstOkAfterUp.latency() + " ms"));
        }
        row("stored decisions", stored.values().stream().mapToInt(List::size).sum() + " rows");
        row("failed, yet stored", storedDespite + " (by the last failure before the replayed 200)");
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-34s %s%n", name, value);
    }

    private static String latency(List<Req> list) {
        if (list.isEmpty()) {
            return "-";
        }
        long[] ms = list.stream().mapToLong(Req::latency).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %d ms  p99 %d ms  max %d ms", percentile(ms, 0.50), percentile(ms, 0.99), ms[ms.length - 1]);
    }

    private static String statuses(List<Req> list) {
        Map<String, Long> n = new TreeMap<>();
        list.forEach(r -> n.merge(r.status() == 0 ? r.error() : Integer.toString(r.status()), 1L, Long::sum));
        return n.toString();
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static String secs(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String signed(long millis) {
        return (millis >= 0 ? "+" : "") + secs(millis);
    }

    private static String describe(Req r) {
        return r.key() + " " + (r.status() == 0 ? r.error() : r.status() + " " + r.problemType()) + " after " + r.latency() + " ms"
                + (r.errorId().isEmpty() ? "" : " (errorId " + r.errorId() + ")");
    }

    private static String examples(List<String> list) {
        return list.isEmpty() ? "" : ", e.g. " + String.join("; ", list.subList(0, Math.min(5, list.size())));
    }
}
