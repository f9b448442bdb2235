package org.responsepolicy.access;

import java.time.Instant;
import java.util.List;

/** Where keys are kept (the database, so every instance and the CLI see the same keys). */
public interface KeyStore {

    /** A key with the hash of its secret. */
    record Stored(ApiKey key, String secretHash) {
    }

    List<Stored> all();

    void add(ApiKey key, String secretHash);

    /** @return false when there is no such key */
    boolean revoke(String keyId, Instant at);
}
