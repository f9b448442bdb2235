package org.responsepolicy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.facts.AuthorHistory;
import org.responsepolicy.engine.facts.Incident;
import org.responsepolicy.evaluation.AuthorHistories;
import org.responsepolicy.evaluation.Circumstances;
import org.responsepolicy.evaluation.MentionHistory.Observed;
import org.responsepolicy.evaluation.MentionHistory.Recording;
import org.responsepolicy.evaluation.MentionHistory.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for evaluated mentions: one writer thread takes every mention waiting (up to {@value #MAX_BATCH})
 * and stores them in one transaction, so a thousand concurrent requests cost a few statements and one commit
 * instead of a thousand of each. Each request's future completes only after its batch is committed:
 * durability is not traded for speed.
 *
 * <p>Across server instances the rule is the one a single mention used to follow: a transaction locks the
 * {@code brand_lock} rows of every brand in the batch (in name order, so two instances never deadlock) before
 * reading anything, so a brand's mentions are still counted one at a time and exactly one of them opens an
 * incident. Inside a batch the mentions are judged in arrival order, each seeing the stored history plus the
 * batch's earlier mentions: the same answers as one at a time. Circumstances are worked out first (cheap, in
 * memory), then the rules run for the whole batch in parallel. If the rules fail for a mention, that mention
 * fails alone, and the batch is judged again without it so nobody counts it.
 */
final class MentionRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MentionRecorder.class);
    static final int MAX_BATCH = 1_000;
    static final String SURGE = "surge";
    static final String QUESTION = "question";
    /** The mention's own signal row; issue rows carry the topic or intent id. */
    static final String WHOLE_MENTION = "";
    private static final int MAX_ISSUE_LENGTH = 64;

    private record Pending(Observed mention, Function<Circumstances, Recording> decide,
                           CompletableFuture<Stored> result) {
        String key() {
            return mention.brand() + '\u0000' + mention.mentionId();
        }
    }

    /** One signal row: the mention itself (issue '') or one issue it is about. */
    private record Signal(String brand, String mentionId, String issue, String authorKey, Instant postedAt,
                          String sentiment, boolean problem, boolean question) {
    }

    private final EntityManagerFactory entityManagers;
    private final Supplier<String> incidentIds;
    private final HibernateDecisionLog decisions;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Set<String> brandsWithLockRow = ConcurrentHashMap.newKeySet();
    private final ForkJoinPool deciders;
    private final Thread writer;
    private final java.util.function.BooleanSupplier storeUp;
    private volatile boolean closed;

    MentionRecorder(EntityManagerFactory entityManagers, Supplier<String> incidentIds, HibernateDecisionLog decisions,
                    java.util.function.BooleanSupplier storeUp) {
        this.entityManagers = entityManagers;
        this.storeUp = storeUp;
        this.incidentIds = incidentIds;
        this.decisions = decisions;
        this.deciders = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("decide-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
        this.writer = new Thread(this::writeLoop, "decision-writer");
        writer.setDaemon(true);
        writer.start();
    }

    CompletableFuture<Stored> submit(Observed mention, Function<Circumstances, Recording> decide) {
        Pending p = new Pending(mention, decide, new CompletableFuture<>());
        waiting.add(p);
        if (closed && waiting.remove(p)) {
            p.result().completeExceptionally(storeClosed());
        }
        return p.result();
    }

    /** Stores what is already waiting, then stops; later submissions fail as "store unavailable". */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(storeClosed()));
        deciders.shutdownNow();
    }

    private static PersistenceException storeClosed() {
        return new PersistenceException("the decision store is closed");
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                if (!storeUp.getAsBoolean()) {
                    // Known down: answer now rather than wait for the pool's connection timeout, batch after batch.
                    throw new PersistenceException("the decision store does not answer");
                }
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // Never leave a caller waiting: whatever went wrong is its answer.
                LOG.debug("batch of {} mentions failed", batch.size(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores one batch; completes every future in it (or leaves it to the caller's catch-all on a throw). */
    private void store(List<Pending> batch) {
        // The same mention twice in one batch: the second waits for the next batch and gets the first's decision.
        Set<String> keys = new HashSet<>();
        List<Pending> mentions = new ArrayList<>();
        for (Pending p : batch) {
            if (keys.add(p.key())) {
                mentions.add(p);
            } else {
                waiting.add(p);
            }
        }
        batch.clear();
        batch.addAll(mentions);
        TreeSet<String> brands = new TreeSet<>();
        mentions.forEach(p -> brands.add(p.mention().brand()));
        brands.forEach(this::ensureLockRow);

        Map<Pending, Stored> answers = new IdentityHashMap<>();
        Work.inTransaction(entityManagers, em -> {
            em.createQuery("from BrandLockRecord b where b.brand in :brands order by b.brand", BrandLockRecord.class)
                    .setParameter("brands", brands).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            Snapshot snapshot = new Snapshot(em, brands, mentions);
            List<Pending> toDecide = new ArrayList<>();
            for (Pending p : mentions) {
                DecisionRecord earlier = snapshot.decisions.get(p.key());
                if (earlier != null) {
                    answers.put(p, new Stored(decisions.toDecision(earlier), earlier.textFingerprint, true));
                } else {
                    toDecide.add(p);
                }
            }
            Plan plan;
            Map<Pending, Decided> recordings = new IdentityHashMap<>();
            while (true) {
                plan = new Plan(em, snapshot);
                toDecide.forEach(plan::judge);
                Map<Pending, CompletableFuture<Decided>> running = new IdentityHashMap<>();
                for (Pending p : toDecide) {
                    Circumstances c = plan.circumstances.get(p);
                    running.put(p, toDecide.size() == 1 ? decideNow(p, c)
                            : CompletableFuture.supplyAsync(() -> decide(p, c), deciders));
                }
                List<Pending> failed = new ArrayList<>();
                running.forEach((p, f) -> {
                    try {
                        recordings.put(p, f.join());
                    } catch (java.util.concurrent.CompletionException e) {
                        // Nothing of this mention will be written, whatever becomes of the batch.
                        p.result().completeExceptionally(e.getCause() != null ? e.getCause() : e);
                        failed.add(p);
                    }
                });
                if (failed.isEmpty()) {
                    break;
                }
                // Judge the rest again without the failed ones: a failed mention is neither stored nor counted.
                toDecide.removeAll(failed);
                recordings.clear();
            }
            plan.write(toDecide, recordings);
            // Answered only once the transaction has committed (below), never from a rolled-back batch.
            toDecide.forEach(p -> answers.put(p, new Stored(recordings.get(p).recording().decision(),
                    recordings.get(p).recording().textFingerprint(), false)));
        });
        answers.forEach((p, stored) -> p.result().complete(stored));
    }

    private CompletableFuture<Decided> decideNow(Pending p, Circumstances c) {
        try {
            return CompletableFuture.completedFuture(decide(p, c));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A decision and its row, ready to insert. */
    private record Decided(Recording recording, DecisionRecord row) {
    }

    /**
     * Decides a mention and prepares its row (the decision as JSON) on the deciding pool: serialising was a
     * seventh of the single writer thread's time.
     */
    private Decided decide(Pending p, Circumstances c) {
        Recording r = p.decide().apply(c);
        return new Decided(r, decisions.toRecord(r.decision(), r.textFingerprint(), r.mention()));
    }

    /** What the database held for the batch's brands and mentions when their brands were locked. */
    private static final class Snapshot {
        final Map<String, DecisionRecord> decisions = new HashMap<>();
        final Set<String> mentionsWithSignals = new HashSet<>();
        final List<IncidentRecord> openIncidents;
        /** issue-'' rows of the batch's authors, by brand and author key. */
        final Map<String, List<Signal>> authorRows = new HashMap<>();

        Snapshot(EntityManager em, Collection<String> brands, List<Pending> mentions) {
            Set<String> ids = new HashSet<>();
            mentions.forEach(p -> ids.add(p.mention().mentionId()));
            em.createQuery("from DecisionRecord d where d.brand in :brands and d.mentionId in :ids", DecisionRecord.class)
                    .setParameter("brands", brands).setParameter("ids", ids).getResultList()
                    .forEach(d -> decisions.put(d.brand + '\u0000' + d.mentionId, d));
            em.createQuery("select s.brand, s.mentionId from MentionSignalRecord s where s.brand in :brands "
                            + "and s.mentionId in :ids and s.issue = ''", Object[].class)
                    .setParameter("brands", brands).setParameter("ids", ids).getResultList()
                    .forEach(row -> mentionsWithSignals.add(row[0] + "\u0000" + row[1]));
            openIncidents = em.createQuery("from IncidentRecord i where i.brand in :brands and i.status = :open "
                            + "order by i.detectedAt, i.incidentId", IncidentRecord.class)
                    .setParameter("brands", brands).setParameter("open", IncidentRecord.OPEN).getResultList();
            Set<String> authors = new HashSet<>();
            Instant earliest = null;
            Instant latest = null;
            for (Pending p : mentions) {
                Observed m = p.mention();
                if (m.authorKey() == null) {
                    continue;
                }
                authors.add(m.authorKey());
                Instant from = m.eventAt().minus(lookBack(m.settings()));
                earliest = earliest == null || from.isBefore(earliest) ? from : earliest;
                latest = latest == null || m.eventAt().isAfter(latest) ? m.eventAt() : latest;
            }
            if (!authors.isEmpty()) {
                em.createQuery("select s.brand, s.authorKey, s.mentionId, s.postedAt, s.sentiment, s.problem "
                                + "from MentionSignalRecord s where s.brand in :brands and s.authorKey in :authors "
                                + "and s.issue = '' and s.postedAt > :earliest and s.postedAt <= :latest", Object[].class)
                        .setParameter("brands", brands).setParameter("authors", authors)
                        .setParameter("earliest", earliest).setParameter("latest", latest).getResultList()
                        .forEach(r -> authorRows.computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>())
                                .add(new Signal((String) r[0], (String) r[2], WHOLE_MENTION, (String) r[1],
                                        (Instant) r[3], (String) r[4], (Boolean) r[5], false)));
            }
        }

        private static Duration lookBack(BrandSettings s) {
            Duration d = s.advocates().within();
            d = s.advocates().noNegativeWithin().compareTo(d) > 0 ? s.advocates().noNegativeWithin() : d;
            return s.repeatComplaints().within().compareTo(d) > 0 ? s.repeatComplaints().within() : d;
        }
    }

    /**
     * The batch judged in arrival order over the snapshot: circumstances for each mention, the signal rows to
     * write, and the incidents as they stand afterwards. Works on copies, so it can be thrown away and redone.
     */
    private final class Plan {
        private final EntityManager em;
        private final Snapshot snapshot;
        final Map<Pending, Circumstances> circumstances = new IdentityHashMap<>();
        /**
         * Signal rows of the batch's fresh mentions so far, counted with the stored ones: by brand and issue, and
         * the whole-mention rows by brand and author (a scan of all of them per mention grew with the batch squared).
         */
        final Map<String, List<Signal>> batchByIssue = new HashMap<>();
        final Map<String, List<Signal>> batchByAuthor = new HashMap<>();
        /** Every incident the batch touches (copies), managed ones first. */
        final List<IncidentRecord> incidents = new ArrayList<>();
        final Map<IncidentRecord, IncidentRecord> managed = new IdentityHashMap<>();
        final Map<Pending, List<Signal>> signalsOf = new IdentityHashMap<>();

        Plan(EntityManager em, Snapshot snapshot) {
            this.em = em;
            this.snapshot = snapshot;
            for (IncidentRecord r : snapshot.openIncidents) {
                IncidentRecord copy = r.copy();
                incidents.add(copy);
                managed.put(copy, r);
            }
        }

        void judge(Pending p) {
            Observed m = p.mention();
            closeQuietIncidents(m.brand(), m.now(), m.settings().crisis().quietPeriod());
            boolean fresh = !snapshot.mentionsWithSignals.contains(p.key());
            if (fresh) {
                Set<String> issues = new LinkedHashSet<>();
                issues.add(WHOLE_MENTION);
                m.issues().stream().filter(i -> i.length() <= MAX_ISSUE_LENGTH).forEach(issues::add);
                List<Signal> rows = issues.stream().map(issue -> new Signal(m.brand(), m.mentionId(), issue,
                        m.authorKey(), m.eventAt(), m.sentiment(), m.problem(), m.question())).toList();
                signalsOf.put(p, rows);
                for (Signal row : rows) {
                    batchByIssue.computeIfAbsent(row.brand() + '\u0000' + row.issue(), k -> new ArrayList<>()).add(row);
                    if (row.issue().equals(WHOLE_MENTION) && row.authorKey() != null) {
                        batchByAuthor.computeIfAbsent(row.brand() + '\u0000' + row.authorKey(), k -> new ArrayList<>())
                                .add(row);
                    }
                }
            }
            AuthorHistory history = m.authorKey() == null ? null : history(m);
            circumstances.put(p, new Circumstances(history, incident(m, fresh)));
        }

        /** Writes the batch's signals, decisions and incidents; the caller commits. */
        void write(List<Pending> decided, Map<Pending, Decided> recordings) {
            List<Signal> rows = new ArrayList<>();
            decided.forEach(p -> rows.addAll(signalsOf.getOrDefault(p, List.of())));
            insertSignals(em, rows);
            DecisionIndex index = new DecisionIndex();
            for (Pending p : decided) {
                em.persist(recordings.get(p).row());
                index.add(recordings.get(p).recording().decision());
            }
            for (IncidentRecord copy : incidents) {
                IncidentRecord stored = managed.get(copy);
                if (stored == null) {
                    em.persist(copy);
                } else {
                    stored.takeStateOf(copy);
                }
            }
            em.flush();
            if (!index.isEmpty()) { // after the decisions: each row refers to its decision
                em.unwrap(Session.class).doWork(index::write);
            }
        }

        private void closeQuietIncidents(String brand, Instant now, Duration quiet) {
            for (IncidentRecord r : incidents) {
                if (r.brand.equals(brand)) {
                    r.closeIfQuiet(now, quiet);
                }
            }
        }

        private AuthorHistory history(Observed m) {
            List<Signal> earlier = new ArrayList<>();
            Predicate<Signal> sameAuthor = s -> s.brand().equals(m.brand()) && m.authorKey().equals(s.authorKey())
                    && s.issue().equals(WHOLE_MENTION) && !s.mentionId().equals(m.mentionId());
            String author = m.brand() + '\u0000' + m.authorKey();
            snapshot.authorRows.getOrDefault(author, List.of()).stream().filter(sameAuthor).forEach(earlier::add);
            batchByAuthor.getOrDefault(author, List.of()).stream().filter(sameAuthor).forEach(earlier::add);

            BrandSettings.AdvocateThresholds adv = m.settings().advocates();
            Instant t = m.eventAt();
            Predicate<Signal> positive = s -> s.sentiment().equals("positive");
            int positives = (int) countIn(earlier, positive, t.minus(adv.within()), t);
            boolean negativeRecently = countIn(earlier, Signal::problem, t.minus(adv.noNegativeWithin()), t) > 0;
            Instant since = t.minus(m.settings().repeatComplaints().within());
            Optional<Instant> lastPositive = earlier.stream().filter(positive).filter(within(since, t))
                    .map(Signal::postedAt).max(Comparator.naturalOrder());
            int unresolved = (int) countIn(earlier, Signal::problem, lastPositive.orElse(since), t);
            return AuthorHistories.judge(positives, negativeRecently, unresolved, m.sentiment(), m.settings());
        }

        private Incident incident(Observed m, boolean fresh) {
            if (!m.problem() && !(m.question() && !m.issues().isEmpty())) {
                return null;
            }
            BrandSettings.CrisisThresholds c = m.settings().crisis();
            List<IncidentRecord> open = incidents.stream()
                    .filter(i -> i.brand.equals(m.brand()) && i.status.equals(IncidentRecord.OPEN))
                    .sorted(Comparator.comparing((IncidentRecord i) -> i.detectedAt).thenComparing(i -> i.incidentId))
                    .toList();
            String kind = m.problem() ? SURGE : QUESTION;
            Duration window = m.problem() ? c.window() : c.questionWindow();
            Optional<IncidentRecord> related = related(open, kind, m, window);
            if (related.isPresent()) {
                IncidentRecord r = related.get();
                if (fresh) {
                    r.mentions++;
                    if (m.eventAt().isAfter(r.lastMentionAt)) {
                        r.lastMentionAt = m.eventAt();
                    }
                }
                return new Incident(r.incidentId, r.kind, r.issue.isEmpty() ? null : r.issue,
                        r.openedByMention.equals(m.mentionId()), r.evidence);
            }
            // A wave whose quiet period is already over when we hear of it (a backfill) is history, not a crisis.
            boolean live = !m.eventAt().isBefore(m.now().minus(c.quietPeriod()));
            if (!fresh || !live) {
                return null;
            }
            for (String issue : m.issues()) {
                Surge s = m.problem() ? surge(m, issue, c.minimumPerIssue(), c) : questions(m, issue, c);
                if (s.started()) {
                    return open(m, kind, issue, s);
                }
            }
            boolean anySurgeOpen = open.stream().anyMatch(i -> i.kind.equals(SURGE));
            if (m.problem() && !anySurgeOpen) {
                Surge s = surge(m, WHOLE_MENTION, c.minimumMentions(), c);
                if (s.started()) {
                    return open(m, SURGE, WHOLE_MENTION, s);
                }
            }
            return null;
        }

        private Surge surge(Observed m, String issue, int minimum, BrandSettings.CrisisThresholds c) {
            Instant t = m.eventAt();
            long inWindow = count(m.brand(), issue, true, t.minus(c.window()), t);
            long before = count(m.brand(), issue, true, t.minus(c.baseline()), t.minus(c.window()));
            double normal = before * ((double) c.window().toSeconds() / c.baseline().minus(c.window()).toSeconds());
            long threshold = Math.max(minimum, (long) Math.ceil(c.surgeFactor() * normal));
            String about = issue.isEmpty() ? "for the brand" : "about " + issue;
            String evidence = String.format(java.util.Locale.ROOT,
                    "%d problem mentions %s in %s; normal for %s is %.1f, a surge is %d or more (%s)",
                    inWindow, about, BrandSettings.words(c.window()), BrandSettings.words(c.window()), normal,
                    threshold, m.settings().source());
            return new Surge(inWindow >= threshold, inWindow, evidence);
        }

        private Surge questions(Observed m, String issue, BrandSettings.CrisisThresholds c) {
            Instant t = m.eventAt();
            long inWindow = count(m.brand(), issue, false, t.minus(c.questionWindow()), t);
            String evidence = inWindow + " questions about " + issue + " in " + BrandSettings.words(c.questionWindow())
                    + "; " + c.repeatedQuestions() + " suggest pinning an answer (" + m.settings().source() + ")";
            return new Surge(inWindow >= c.repeatedQuestions(), inWindow, evidence);
        }

        /** Problem (or question) mentions about an issue posted after {@code from} up to and including {@code to}. */
        private long count(String brand, String issue, boolean problems, Instant from, Instant to) {
            long stored = em.createQuery("select count(s) from MentionSignalRecord s where s.brand = :brand "
                            + "and s.issue = :issue and " + (problems ? "s.problem" : "s.question") + " = true "
                            + "and s.postedAt > :from and s.postedAt <= :to", Long.class)
                    .setParameter("brand", brand).setParameter("issue", issue)
                    .setParameter("from", from).setParameter("to", to).getSingleResult();
            return stored + countIn(batchByIssue.getOrDefault(brand + '\u0000' + issue, List.of()),
                    s -> problems ? s.problem() : s.question(), from, to);
        }

        private Incident open(Observed m, String kind, String issue, Surge s) {
            IncidentRecord r = new IncidentRecord();
            r.incidentId = incidentIds.get();
            r.brand = m.brand();
            r.kind = kind;
            r.issue = issue;
            r.status = IncidentRecord.OPEN;
            r.openedAt = m.eventAt();
            r.openedByMention = m.mentionId();
            r.detectedAt = m.now();
            r.lastMentionAt = m.eventAt();
            r.mentions = (int) s.count();
            r.evidence = s.evidence().length() > 500 ? s.evidence().substring(0, 500) : s.evidence();
            incidents.add(r);
            return new Incident(r.incidentId, kind, issue.isEmpty() ? null : issue, true, r.evidence);
        }
    }

    private record Surge(boolean started, long count, String evidence) {
    }

    /** The open incident this mention belongs to: same kind, one of its issues (or brand-wide), posted during it. */
    private static Optional<IncidentRecord> related(List<IncidentRecord> open, String kind, Observed m, Duration window) {
        List<IncidentRecord> candidates = new ArrayList<>();
        for (IncidentRecord r : open) {
            boolean sameWave = r.kind.equals(kind) && (m.issues().contains(r.issue) || r.issue.isEmpty() && kind.equals(SURGE));
            boolean during = !m.eventAt().isBefore(r.openedAt.minus(window));
            if (sameWave && during) {
                candidates.add(r);
            }
        }
        // The most specific wave first: one about this mention's issue rather than the brand-wide one.
        return candidates.stream().min((a, b) -> Boolean.compare(a.issue.isEmpty(), b.issue.isEmpty()));
    }

    private static long countIn(Collection<Signal> rows, Predicate<Signal> condition, Instant after, Instant upTo) {
        return rows.stream().filter(condition).filter(within(after, upTo)).count();
    }

    private static Predicate<Signal> within(Instant after, Instant upTo) {
        return s -> s.postedAt().isAfter(after) && !s.postedAt().isAfter(upTo);
    }

    /** One JDBC batch: the rows have no identity to give back, so the driver can send them together. */
    private static void insertSignals(EntityManager em, List<Signal> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mention_signal "
                    + "(brand, mention_id, issue, author_key, posted_at, sentiment, problem, question) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Signal s : rows) {
                    insert.setString(1, s.brand());
                    insert.setString(2, s.mentionId());
                    insert.setString(3, s.issue());
                    if (s.authorKey() == null) {
                        insert.setNull(4, Types.VARCHAR);
                    } else {
                        insert.setString(4, s.authorKey());
                    }
                    insert.setObject(5, LocalDateTime.ofInstant(s.postedAt(), ZoneOffset.UTC));
                    insert.setString(6, s.sentiment());
                    insert.setBoolean(7, s.problem());
                    insert.setBoolean(8, s.question());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The lock row must exist before it can be locked; inserting it races harmlessly with other instances. */
    private void ensureLockRow(String brand) {
        if (brandsWithLockRow.contains(brand)) {
            return;
        }
        boolean exists = Work.read(entityManagers, em -> em.find(BrandLockRecord.class, brand) != null);
        if (!exists) {
            try {
                Work.inTransaction(entityManagers, em -> em.persist(new BrandLockRecord(brand)));
            } catch (PersistenceException raced) {
                if (Work.read(entityManagers, em -> em.find(BrandLockRecord.class, brand) == null)) {
                    throw raced;
                }
            }
        }
        brandsWithLockRow.add(brand);
    }
}
