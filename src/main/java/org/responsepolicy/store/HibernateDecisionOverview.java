package org.responsepolicy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.responsepolicy.evaluation.DecisionOverview;

/**
 * The overview counted by the database: the mentions series grouped by UTC hour (and gathered into local days),
 * actions by type and deadlines in three queries, plus the actions due around now. Thread-safe.
 */
final class HibernateDecisionOverview implements DecisionOverview {

    static final int DUE_SOON_LIMIT = 20;
    private static final Duration NEAR = Duration.ofHours(1);

    private final EntityManagerFactory entityManagers;

    HibernateDecisionOverview(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    @Override
    public Overview overview(Period period) {
        return Work.read(entityManagers, em -> new Overview(period.from(), period.to(), period.bucket(),
                period.brand(), mentions(em, period), actionsByType(em, period), deadlines(em, period),
                dueSoon(em, period)));
    }

    private List<MentionCount> mentions(EntityManager em, Period period) {
        // Counted per UTC hour by the database, then gathered into the period's steps: hours, or days where
        // the reader lives.
        String hour = "year(d.evaluatedAt), month(d.evaluatedAt), day(d.evaluatedAt), hour(d.evaluatedAt)";
        TypedQuery<Object[]> query = em.createQuery("select " + hour + ", d.sentiment, count(d) from DecisionRecord d"
                + " where d.evaluatedAt >= :from and d.evaluatedAt < :to" + brandClause(period)
                + " group by " + hour + ", d.sentiment", Object[].class);
        Map<Instant, long[]> counts = new LinkedHashMap<>();
        for (Instant t = period.from(); t.isBefore(period.to()); t = next(t, period)) {
            counts.put(t, new long[3]);
        }
        for (Object[] row : bind(query, period).getResultList()) {
            Instant start = step(LocalDateTime.of(number(row[0]), number(row[1]), number(row[2]), number(row[3]), 0)
                    .toInstant(ZoneOffset.UTC), period);
            long[] c = counts.computeIfAbsent(start, s -> new long[3]);
            long count = ((Number) row[5]).longValue();
            c[0] += count;
            if ("negative".equals(row[4])) {
                c[1] += count;
            } else if ("positive".equals(row[4])) {
                c[2] += count;
            }
        }
        List<MentionCount> out = new ArrayList<>();
        counts.forEach((start, c) -> out.add(new MentionCount(start, c[0], c[1], c[2])));
        out.sort(java.util.Comparator.comparing(MentionCount::start));
        return out;
    }

    /** The start of the step an hour belongs to. */
    private static Instant step(Instant hour, Period period) {
        return period.bucket() == Bucket.HOUR ? hour
                : hour.atZone(period.zone()).toLocalDate().atStartOfDay(period.zone()).toInstant();
    }

    /** The next step: an hour, or the next local midnight (a day may have 23 or 25 hours). */
    private static Instant next(Instant step, Period period) {
        return period.bucket() == Bucket.HOUR ? step.plus(1, ChronoUnit.HOURS)
                : step.atZone(period.zone()).toLocalDate().plusDays(1).atStartOfDay(period.zone()).toInstant();
    }

    private List<ActionCount> actionsByType(EntityManager em, Period period) {
        TypedQuery<Object[]> query = em.createQuery("select a.type, count(a) from DecisionRecord d join DecisionActionRecord a on a.decisionId = d.decisionId"
                + " where d.evaluatedAt >= :from and d.evaluatedAt < :to" + brandClause(period)
                + " group by a.type order by count(a) desc, a.type", Object[].class);
        return bind(query, period).getResultList().stream()
                .map(row -> new ActionCount((String) row[0], ((Number) row[1]).longValue())).toList();
    }

    private Deadlines deadlines(EntityManager em, Period period) {
        TypedQuery<Object[]> query = em.createQuery("select"
                + " sum(case when a.dueBy is null then 1 else 0 end),"
                + " sum(case when a.dueBy < :now then 1 else 0 end),"
                + " sum(case when a.dueBy >= :now and a.dueBy < :soon then 1 else 0 end),"
                + " sum(case when a.dueBy >= :soon then 1 else 0 end)"
                + " from DecisionRecord d join DecisionActionRecord a on a.decisionId = d.decisionId"
                + " where d.evaluatedAt >= :from and d.evaluatedAt < :to" + brandClause(period), Object[].class)
                .setParameter("now", period.now()).setParameter("soon", period.now().plus(NEAR));
        Object[] row = bind(query, period).getSingleResult();
        return new Deadlines(count(row[1]), count(row[2]), count(row[3]), count(row[0]));
    }

    private List<DueAction> dueSoon(EntityManager em, Period period) {
        TypedQuery<Object[]> query = em.createQuery("select d.decisionId, d.mentionId, d.brand, a.type, a.priority,"
                + " a.queue, a.dueBy from DecisionRecord d join DecisionActionRecord a on a.decisionId = d.decisionId"
                + " where a.dueBy >= :recent and a.dueBy < :soon" + brandClause(period)
                + " order by a.dueBy, d.decisionId", Object[].class)
                .setParameter("recent", period.now().minus(NEAR)).setParameter("soon", period.now().plus(NEAR))
                .setMaxResults(DUE_SOON_LIMIT);
        if (period.brand() != null) {
            query.setParameter("brand", period.brand());
        }
        return query.getResultList().stream().map(r -> new DueAction((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (Instant) r[6])).toList();
    }

    private static String brandClause(Period period) {
        return period.brand() == null ? "" : " and d.brand = :brand";
    }

    private static TypedQuery<Object[]> bind(TypedQuery<Object[]> query, Period period) {
        query.setParameter("from", period.from()).setParameter("to", period.to());
        if (period.brand() != null) {
            query.setParameter("brand", period.brand());
        }
        return query;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
