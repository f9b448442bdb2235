package org.responsepolicy.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a key may do. Admin may do everything; the other roles only their own part. */
public enum Role {
    /** CRMs and listening tools: evaluate mentions. */
    EVALUATE,
    /** Compliance staff: read rules, validate, test, replay, read decisions, incidents and the audit trail. */
    COMPLIANCE,
    /** Operators: reload and roll back rules, manage keys, erase and purge data. */
    ADMIN;

    /** How the role is written in the API and on the command line. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayActAs(Role required) {
        return this == ADMIN || this == required;
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id == null ? null : id.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
