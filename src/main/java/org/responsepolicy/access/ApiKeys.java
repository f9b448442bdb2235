package org.responsepolicy.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.responsepolicy.evaluation.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists, revokes and checks API keys. Checking a key reads a copy of the key table held in memory and
 * refreshed from the store every few seconds, so a request costs no database round trip and keys keep working
 * while the database is briefly down; a key created or revoked elsewhere (CLI, another instance) takes effect
 * within one refresh.
 */
public final class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Makes keys recognisable in config files and secret scanners. */
    static final String PREFIX = "rps_";
    static final int MAX_RATE_LIMIT = 1_000_000;

    /** A new key and its secret, which is shown this once and never stored. */
    public record Created(ApiKey key, String secret) {
    }

    private final KeyStore store;
    private final Clock clock;
    private volatile Map<String, ApiKey> byHash = Map.of();
    private volatile boolean refreshFailing;

    public ApiKeys(KeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for a name that is not 1 to 100 characters or a rate limit out of range */
    public Created create(String name, Role role, Integer rateLimit) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a key needs a name of 1 to 100 characters, e.g. the CRM it is for");
        }
        if (rateLimit != null && (rateLimit < 1 || rateLimit > MAX_RATE_LIMIT)) {
            throw new IllegalArgumentException("a rate limit must be from 1 to " + MAX_RATE_LIMIT
                    + " requests per second, or absent for the server default");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), name.strip(), role, rateLimit, clock.instant(), null);
        store.add(key, hash(secret));
        refresh();
        return new Created(key, secret);
    }

    public List<ApiKey> list() {
        return store.all().stream().map(KeyStore.Stored::key).toList();
    }

    public boolean revoke(String keyId) {
        boolean revoked = store.revoke(keyId, clock.instant());
        refresh();
        return revoked;
    }

    /** Reads the key table again; keeps the last copy if the store cannot be read. */
    public void refresh() {
        try {
            byHash = store.all().stream().filter(s -> s.key().active())
                    .collect(Collectors.toUnmodifiableMap(KeyStore.Stored::secretHash, KeyStore.Stored::key,
                            (a, b) -> a));
            if (refreshFailing) {
                LOG.info("API keys are read from the store again");
                refreshFailing = false;
            }
        } catch (RuntimeException e) {
            if (!refreshFailing) { // once per outage, not every two seconds
                LOG.warn("Could not refresh API keys from the store; keeping the {} known ({})", byHash.size(),
                        e.getClass().getSimpleName());
                refreshFailing = true;
            }
        }
    }

    /** Whether any active key exists (as of the last refresh). */
    public boolean anyActive() {
        return !byHash.isEmpty();
    }

    /** The active key with this secret. Comparing hashes, so the time taken says nothing about the secret. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(secret)));
    }

    static String hash(String secret) {
        // A key is 256 random bits, so one SHA-256 suffices: there is nothing to guess that a slow hash would protect.
        return Sha256.hex(secret);
    }

}
