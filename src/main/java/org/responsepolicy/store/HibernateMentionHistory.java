package org.responsepolicy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.responsepolicy.evaluation.Circumstances;
import org.responsepolicy.evaluation.IncidentLog;
import org.responsepolicy.evaluation.IncidentView;
import org.responsepolicy.evaluation.MentionHistory;

/**
 * Author history and crisis detection on the shared database.
 *
 * <p>Design for several server instances: every signal lives in the database, none in memory. Mentions are
 * written, counted and turned into incidents by {@link MentionRecorder}, which locks their brands' rows in
 * {@code brand_lock} first; so across all instances a brand's mentions are counted one at a time, each sees
 * every earlier one, and exactly one mention opens an incident. Counts use the time a mention was posted, not
 * when it arrived, so a backfill of old mentions lands where it belongs instead of looking like a burst.
 * Thread-safe: one EntityManager per call.
 */
final class HibernateMentionHistory implements MentionHistory, IncidentLog, AutoCloseable {

    private final EntityManagerFactory entityManagers;
    private final MentionRecorder recorder;

    /** @param storeUp whether the database answered its last probe */
    HibernateMentionHistory(EntityManagerFactory entityManagers, Supplier<String> incidentIds,
                            HibernateDecisionLog decisions, java.util.function.BooleanSupplier storeUp) {
        this.entityManagers = entityManagers;
        this.recorder = new MentionRecorder(entityManagers, incidentIds, decisions, storeUp);
    }

    @Override
    public CompletableFuture<Stored> observeAndRecord(Observed m, Function<Circumstances, Recording> decide) {
        return recorder.submit(m, decide);
    }

    /** Stores the mentions already submitted, then refuses more. */
    @Override
    public void close() {
        recorder.close();
    }

    private static void closeQuietIncidents(EntityManager em, String brand, Instant now, Duration quiet) {
        em.createQuery("from IncidentRecord i where i.brand = :brand and i.status = :open and i.lastMentionAt <= :quietSince",
                        IncidentRecord.class)
                .setParameter("brand", brand).setParameter("open", IncidentRecord.OPEN)
                .setParameter("quietSince", now.minus(quiet)).getResultList()
                .forEach(r -> r.closeIfQuiet(now, quiet));
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
