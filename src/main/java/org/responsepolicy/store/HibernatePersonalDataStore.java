package org.responsepolicy.store;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Collection;
import org.responsepolicy.privacy.PersonalDataStore;

/** Erasure and retention over the decision, signal and incident tables, each in one transaction. */
final class HibernatePersonalDataStore implements PersonalDataStore {

    private final EntityManagerFactory entityManagers;

    HibernatePersonalDataStore(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    @Override
    public Erased eraseAuthor(String brand, Collection<String> authorKeys) {
        int[] counts = new int[2];
        Work.inTransaction(entityManagers, em -> {
            // The decisions' action rows first: they have no foreign key to take them along.
            em.createNativeQuery("DELETE FROM decision_action WHERE decision_id IN (SELECT decision_id FROM decision"
                    + " WHERE brand = :brand AND author_key IN (:keys))")
                    .setParameter("brand", brand).setParameter("keys", authorKeys).executeUpdate();
            counts[0] = em.createQuery("delete from DecisionRecord d where d.brand = :brand and d.authorKey in :keys")
                    .setParameter("brand", brand).setParameter("keys", authorKeys).executeUpdate();
            counts[1] = em.createQuery("delete from MentionSignalRecord s where s.brand = :brand and s.authorKey in :keys")
                    .setParameter("brand", brand).setParameter("keys", authorKeys).executeUpdate();
        });
        return new Erased(counts[0], counts[1]);
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
        int[] counts = new int[3];
        Work.inTransaction(entityManagers, em -> {
            em.createNativeQuery("DELETE FROM decision_action WHERE decision_id IN (SELECT decision_id FROM decision"
                    + " WHERE evaluated_at < :cutoff)")
                    .setParameter("cutoff", java.time.LocalDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC))
                    .executeUpdate();
            counts[0] = em.createQuery("delete from DecisionRecord d where d.evaluatedAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            counts[1] = em.createQuery("delete from MentionSignalRecord s where s.postedAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            counts[2] = em.createQuery("delete from IncidentRecord i where i.closedAt is not null and i.closedAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
        });
        return new Purged(counts[0], counts[1], counts[2]);
    }
}
