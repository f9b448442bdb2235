package org.responsepolicy.store;

/** Values named in rule files (queues, policies) have no length limit there; the index columns have one. */
final class Columns {

    private Columns() {
    }

    /** Cut to the column, so an over-long name costs its searchability, never the decision. */
    static String fit(String value, int length) {
        if (value == null) {
            return "";
        }
        return value.length() <= length ? value : value.substring(0, length);
    }
}
