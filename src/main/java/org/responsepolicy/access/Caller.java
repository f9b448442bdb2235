package org.responsepolicy.access;

/**
 * Who is calling. {@link #LOOPBACK_OPEN} stands for anyone on this machine when the server runs without keys.
 *
 * @param keyId null for the open loopback caller
 */
public record Caller(String keyId, String name, Role role) implements java.security.Principal {

    public static final Caller LOOPBACK_OPEN = new Caller(null, "loopback (no API keys configured)", Role.ADMIN);

    @Override
    public String getName() {
        return name;
    }

    /** How the audit trail names this caller: the key's name and id, never its secret. */
    public String describe() {
        return keyId == null ? name : "key " + name + " (" + keyId + ")";
    }
}
