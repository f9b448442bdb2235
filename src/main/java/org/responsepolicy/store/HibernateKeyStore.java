package org.responsepolicy.store;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import org.responsepolicy.access.ApiKey;
import org.responsepolicy.access.KeyStore;
import org.responsepolicy.access.Role;

/** API keys in the {@code api_key} table. */
final class HibernateKeyStore implements KeyStore {

    private final EntityManagerFactory entityManagers;

    HibernateKeyStore(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    @Override
    public List<Stored> all() {
        return Work.read(entityManagers, em -> em.createQuery(
                        "select k from ApiKeyRecord k order by k.createdAt, k.keyId", ApiKeyRecord.class)
                .getResultStream()
                // A role this version does not know (written by a newer one) grants nothing here.
                .filter(k -> Role.parse(k.role).isPresent())
                .map(k -> new Stored(new ApiKey(k.keyId, k.name, Role.parse(k.role).orElseThrow(), k.rateLimit,
                        k.createdAt, k.revokedAt), k.keyHash))
                .toList());
    }

    @Override
    public void add(ApiKey key, String secretHash) {
        ApiKeyRecord r = new ApiKeyRecord();
        r.keyId = key.id();
        r.name = key.name();
        r.role = key.role().id();
        r.keyHash = secretHash;
        r.rateLimit = key.rateLimit();
        r.createdAt = key.createdAt();
        r.revokedAt = key.revokedAt();
        Work.inTransaction(entityManagers, em -> em.persist(r));
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        boolean[] found = {false};
        Work.inTransaction(entityManagers, em -> {
            ApiKeyRecord r = em.find(ApiKeyRecord.class, keyId);
            if (r != null) {
                found[0] = true;
                if (r.revokedAt == null) {
                    r.revokedAt = at;
                }
            }
        });
        return found[0];
    }
}
