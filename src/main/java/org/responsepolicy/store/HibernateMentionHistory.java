package org.responsepolicy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.facts.AuthorHistory;
import org.responsepolicy.engine.facts.Incident;
import org.responsepolicy.evaluation.AuthorHistories;
import org.responsepolicy.evaluation.Circumstances;
import org.responsepolicy.evaluation.IncidentLog;
import org.responsepolicy.evaluation.IncidentView;
import org.responsepolicy.evaluation.MentionHistory;

/**
 * Author history and crisis detection on the shared database.
 *
 * <p>Design for several server instances: every signal lives in the database, none in memory. A mention's
 * signals are written, counted and turned into an incident in one transaction that first locks the brand's
 * row in {@code brand_lock}; so across all instances a brand's mentions are counted one at a time, each sees
 * every earlier one, and exactly one mention opens an incident. Counts use the time a mention was posted, not
 * when it arrived, so a backfill of old mentions lands where it belongs instead of looking like a burst.
 * Thread-safe: one EntityManager per call.
 */
final class HibernateMentionHistory implements MentionHistory, IncidentLog {

    static final String SURGE = "surge";
    static final String QUESTION = "question";
    /** The mention's own row; issue rows carry the topic or intent id. */
    private static final String WHOLE_MENTION = "";
    private static final int MAX_ISSUE_LENGTH = 64;

    private final EntityManagerFactory entityManagers;
    private final Supplier<String> incidentIds;
    private final Set<String> brandsWithLockRow = ConcurrentHashMap.newKeySet();

    private final HibernateDecisionLog decisions;

    HibernateMentionHistory(EntityManagerFactory entityManagers, Supplier<String> incidentIds,
                            HibernateDecisionLog decisions) {
        this.entityManagers = entityManagers;
        this.incidentIds = incidentIds;
        this.decisions = decisions;
    }

    @Override
    public Decision observeAndRecord(Observed m, Function<Circumstances, Recording> decide)
            throws DecisionLog.AlreadyRecordedException {
        ensureLockRow(m.brand());
        Decision[] result = new Decision[1];
        HibernateDecisionLog.storeOnce(entityManagers, em -> {
            em.find(BrandLockRecord.class, m.brand(), LockModeType.PESSIMISTIC_WRITE);
            closeQuietIncidents(em, m.brand(), m.now(), m.settings().crisis().quietPeriod());
            boolean fresh = record(em, m);
            AuthorHistory history = m.authorKey() == null ? null : history(em, m);
            Recording recording = decide.apply(new Circumstances(history, incident(em, m, fresh)));
            em.persist(decisions.toRecord(recording.decision(), recording.textFingerprint(), recording.mention()));
            em.flush();
            result[0] = recording.decision();
        });
        return result[0];
    }

    /** Writes the mention's signals once; false when they are already there (a retry). */
    private boolean record(EntityManager em, Observed m) {
        boolean seen = !em.createQuery("select s.id from MentionSignalRecord s where s.brand = :brand "
                        + "and s.mentionId = :mention and s.issue = :issue", Long.class)
                .setParameter("brand", m.brand()).setParameter("mention", m.mentionId())
                .setParameter("issue", WHOLE_MENTION).setMaxResults(1).getResultList().isEmpty();
        if (seen) {
            return false;
        }
        Set<String> rows = new LinkedHashSet<>();
        rows.add(WHOLE_MENTION);
        m.issues().stream().filter(i -> i.length() <= MAX_ISSUE_LENGTH).forEach(rows::add);
        for (String issue : rows) {
            em.persist(new MentionSignalRecord(m.brand(), m.mentionId(), issue, m.authorKey(), m.eventAt(),
                    m.sentiment(), m.problem(), m.question()));
        }
        em.flush();
        return true;
    }

    private AuthorHistory history(EntityManager em, Observed m) {
        BrandSettings.AdvocateThresholds adv = m.settings().advocates();
        Instant t = m.eventAt();
        int positives = (int) authorCount(em, m, "s.sentiment = 'positive'", t.minus(adv.within()));
        boolean negativeRecently = authorCount(em, m, "s.problem = true", t.minus(adv.noNegativeWithin())) > 0;
        Instant since = t.minus(m.settings().repeatComplaints().within());
        Instant lastPositive = em.createQuery("select max(s.postedAt) from MentionSignalRecord s where s.brand = :brand "
                        + "and s.authorKey = :author and s.issue = '' and s.mentionId <> :mention and s.sentiment = 'positive' "
                        + "and s.postedAt > :since and s.postedAt <= :t", Instant.class)
                .setParameter("brand", m.brand()).setParameter("author", m.authorKey())
                .setParameter("mention", m.mentionId()).setParameter("since", since).setParameter("t", t)
                .getSingleResult();
        int unresolved = (int) authorCount(em, m, "s.problem = true", lastPositive != null ? lastPositive : since);
        return AuthorHistories.judge(positives, negativeRecently, unresolved, m.sentiment(), m.settings());
    }

    /** The author's earlier mentions (this one excluded) posted after {@code after} and up to this one. */
    private long authorCount(EntityManager em, Observed m, String condition, Instant after) {
        return em.createQuery("select count(s) from MentionSignalRecord s where s.brand = :brand and s.authorKey = :author "
                        + "and s.issue = '' and s.mentionId <> :mention and " + condition
                        + " and s.postedAt > :after and s.postedAt <= :t", Long.class)
                .setParameter("brand", m.brand()).setParameter("author", m.authorKey())
                .setParameter("mention", m.mentionId()).setParameter("after", after).setParameter("t", m.eventAt())
                .getSingleResult();
    }

    private Incident incident(EntityManager em, Observed m, boolean fresh) {
        if (!m.problem() && !(m.question() && !m.issues().isEmpty())) {
            return null;
        }
        BrandSettings.CrisisThresholds c = m.settings().crisis();
        List<IncidentRecord> open = em.createQuery("from IncidentRecord i where i.brand = :brand and i.status = :open "
                        + "order by i.detectedAt, i.incidentId", IncidentRecord.class)
                .setParameter("brand", m.brand()).setParameter("open", IncidentRecord.OPEN).getResultList();
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
            Surge s = m.problem() ? surge(em, m, issue, c.minimumPerIssue(), c)
                    : questions(em, m, issue, c);
            if (s.started()) {
                return open(em, m, kind, issue, s);
            }
        }
        boolean anySurgeOpen = open.stream().anyMatch(i -> i.kind.equals(SURGE));
        if (m.problem() && !anySurgeOpen) {
            Surge s = surge(em, m, WHOLE_MENTION, c.minimumMentions(), c);
            if (s.started()) {
                return open(em, m, SURGE, WHOLE_MENTION, s);
            }
        }
        return null;
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

    private record Surge(boolean started, long count, String evidence) {
    }

    private Surge surge(EntityManager em, Observed m, String issue, int minimum, BrandSettings.CrisisThresholds c) {
        Instant t = m.eventAt();
        long inWindow = count(em, m.brand(), issue, "s.problem = true", t.minus(c.window()), t);
        long before = count(em, m.brand(), issue, "s.problem = true", t.minus(c.baseline()), t.minus(c.window()));
        double normal = before * ((double) c.window().toSeconds() / c.baseline().minus(c.window()).toSeconds());
        long threshold = Math.max(minimum, (long) Math.ceil(c.surgeFactor() * normal));
        String about = issue.isEmpty() ? "for the brand" : "about " + issue;
        String evidence = String.format(java.util.Locale.ROOT,
                "%d problem mentions %s in %s; normal for %s is %.1f, a surge is %d or more (%s)",
                inWindow, about, BrandSettings.words(c.window()), BrandSettings.words(c.window()), normal, threshold, m.settings().source());
        return new Surge(inWindow >= threshold, inWindow, evidence);
    }

    private Surge questions(EntityManager em, Observed m, String issue, BrandSettings.CrisisThresholds c) {
        Instant t = m.eventAt();
        long inWindow = count(em, m.brand(), issue, "s.question = true", t.minus(c.questionWindow()), t);
        String evidence = inWindow + " questions about " + issue + " in " + BrandSettings.words(c.questionWindow())
                + "; " + c.repeatedQuestions() + " suggest pinning an answer (" + m.settings().source() + ")";
        return new Surge(inWindow >= c.repeatedQuestions(), inWindow, evidence);
    }

    /** Mentions matching {@code condition} posted after {@code from} up to and including {@code to}. */
    private static long count(EntityManager em, String brand, String issue, String condition, Instant from, Instant to) {
        return em.createQuery("select count(s) from MentionSignalRecord s where s.brand = :brand and s.issue = :issue and "
                        + condition + " and s.postedAt > :from and s.postedAt <= :to", Long.class)
                .setParameter("brand", brand).setParameter("issue", issue)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    private Incident open(EntityManager em, Observed m, String kind, String issue, Surge s) {
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
        em.persist(r);
        return new Incident(r.incidentId, kind, issue.isEmpty() ? null : issue, true, r.evidence);
    }

    private static void closeQuietIncidents(EntityManager em, String brand, Instant now, Duration quiet) {
        em.createQuery("from IncidentRecord i where i.brand = :brand and i.status = :open and i.lastMentionAt <= :quietSince",
                        IncidentRecord.class)
                .setParameter("brand", brand).setParameter("open", IncidentRecord.OPEN)
                .setParameter("quietSince", now.minus(quiet)).getResultList()
                .forEach(r -> {
                    r.status = IncidentRecord.CLOSED;
                    r.closedAt = r.lastMentionAt.plus(quiet);
                    r.closeReason = "quiet period";
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

    @Override
    public List<IncidentView> list(String brandOrNull, String statusOrNull, int limit, Instant now,
                                   Function<String, Duration> quietPeriodFor) {
        Work.inTransaction(entityManagers, em -> em.createQuery(
                        "select distinct i.brand from IncidentRecord i where i.status = :open", String.class)
                .setParameter("open", IncidentRecord.OPEN).getResultList()
                .forEach(brand -> closeQuietIncidents(em, brand, now, quietPeriodFor.apply(brand))));
        return Work.read(entityManagers, em -> {
            var q = em.createQuery("from IncidentRecord i where 1 = 1"
                    + (brandOrNull == null ? "" : " and i.brand = :brand")
                    + (statusOrNull == null ? "" : " and i.status = :status")
                    + " order by i.detectedAt desc, i.incidentId", IncidentRecord.class).setMaxResults(limit);
            if (brandOrNull != null) {
                q.setParameter("brand", brandOrNull);
            }
            if (statusOrNull != null) {
                q.setParameter("status", statusOrNull);
            }
            return q.getResultStream().map(HibernateMentionHistory::view).toList();
        });
    }

    @Override
    public Optional<IncidentView> find(String incidentId) {
        return Work.read(entityManagers, em -> Optional.ofNullable(em.find(IncidentRecord.class, incidentId))
                .map(HibernateMentionHistory::view));
    }

    @Override
    public Optional<IncidentView> close(String incidentId, Instant now) {
        List<IncidentView> out = new ArrayList<>();
        Work.inTransaction(entityManagers, em -> {
            IncidentRecord r = em.find(IncidentRecord.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                return;
            }
            if (r.status.equals(IncidentRecord.OPEN)) {
                r.status = IncidentRecord.CLOSED;
                r.closedAt = now;
                r.closeReason = "closed by hand";
            }
            out.add(view(r));
        });
        return out.stream().findFirst();
    }

    private static IncidentView view(IncidentRecord r) {
        return new IncidentView(r.incidentId, r.brand, r.kind, r.issue.isEmpty() ? null : r.issue, r.status,
                r.openedAt, r.openedByMention, r.detectedAt, r.lastMentionAt, r.mentions, r.evidence, r.closedAt,
                r.closeReason);
    }
}
