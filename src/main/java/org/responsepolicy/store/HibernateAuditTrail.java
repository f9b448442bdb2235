package org.responsepolicy.store;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.responsepolicy.access.AuditTrail;

/** The {@code admin_audit} table. */
final class HibernateAuditTrail implements AuditTrail {

    private final EntityManagerFactory entityManagers;

    HibernateAuditTrail(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    @Override
    public void record(Entry entry) {
        AuditRecord r = new AuditRecord();
        r.at = entry.at();
        r.actor = cut(entry.actor(), 200);
        r.action = cut(entry.action(), 64);
        r.target = cut(entry.target(), 300);
        r.outcome = cut(entry.outcome(), 16);
        r.detail = cut(entry.detail(), 1000);
        Work.inTransaction(entityManagers, em -> em.persist(r));
    }

    @Override
    public List<Entry> recent(int limit) {
        return Work.read(entityManagers, em -> em.createQuery(
                        "select a from AuditRecord a order by a.at desc, a.id desc", AuditRecord.class)
                .setMaxResults(limit).getResultStream()
                .map(a -> new Entry(a.at, a.actor, a.action, a.target, a.outcome, a.detail)).toList());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
