package org.responsepolicy.access;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request may proceed: which key it presented, whether that key's role allows the endpoint,
 * and whether the key is within its rate. Without any key configured, a server bound to loopback is open to
 * callers on this machine; once a key exists (or when the server listens beyond loopback) every request needs one,
 * and that never switches back while the server runs, even if every key is later revoked.
 */
public final class AccessControl {

    /** The verdict on one request. */
    public sealed interface Verdict {
    }

    public record Allowed(Caller caller) implements Verdict {
    }

    /** No key, or one that is unknown or revoked. */
    public record Unauthenticated(boolean keyPresented) implements Verdict {
    }

    public record Forbidden(Caller caller, Set<Role> allowed) implements Verdict {
    }

    public record RateLimited(Caller caller, long retryAfterSeconds, int limit) implements Verdict {
    }

    private final ApiKeys keys;
    private final RateLimits rateLimits;
    private volatile boolean keysRequired;

    /**
     * @param networkExposed the server listens on more than loopback, so keys are required from the start
     */
    public AccessControl(ApiKeys keys, RateLimits rateLimits, boolean networkExposed) {
        this.keys = keys;
        this.rateLimits = rateLimits;
        this.keysRequired = networkExposed || keys.anyActive();
    }

    public ApiKeys keys() {
        return keys;
    }

    /** True while anyone on this machine may call without a key. */
    public boolean open() {
        if (!keysRequired && keys.anyActive()) {
            keysRequired = true;
        }
        return !keysRequired;
    }

    /**
     * @param presentedSecret the key sent with the request, or null
     * @param allowed         roles the endpoint accepts (admin is always accepted)
     */
    public Verdict check(String presentedSecret, Set<Role> allowed) {
        if (open()) {
            return new Allowed(Caller.LOOPBACK_OPEN);
        }
        Optional<ApiKey> key = keys.authenticate(presentedSecret);
        if (key.isEmpty()) {
            return new Unauthenticated(presentedSecret != null && !presentedSecret.isEmpty());
        }
        Caller caller = new Caller(key.get().id(), key.get().name(), key.get().role());
        if (allowed.stream().noneMatch(caller.role()::mayActAs)) {
            return new Forbidden(caller, allowed);
        }
        RateLimits.Verdict rate = rateLimits.take(key.get());
        if (!rate.allowed()) {
            return new RateLimited(caller, rate.retryAfterSeconds(), rate.limit());
        }
        return new Allowed(caller);
    }
}
