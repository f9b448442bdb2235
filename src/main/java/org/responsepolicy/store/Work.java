package org.responsepolicy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;

/** One EntityManager per unit of work, always closed; writes in a transaction rolled back on failure. */
final class Work {

    private Work() {
    }

    static <T> T read(EntityManagerFactory entityManagers, Function<EntityManager, T> query) {
        EntityManager em = entityManagers.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    static void inTransaction(EntityManagerFactory entityManagers, Consumer<EntityManager> write) {
        EntityManager em = entityManagers.createEntityManager();
        try {
            em.getTransaction().begin();
            write.accept(em);
            em.getTransaction().commit();
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
