package org.responsepolicy.access;

import java.time.Instant;

/**
 * An API key as people see it: never its secret.
 *
 * @param rateLimit requests per second this key may make; null means the server's default
 * @param revokedAt null while the key works
 */
public record ApiKey(String id, String name, Role role, Integer rateLimit, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
