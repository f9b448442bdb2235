package org.responsepolicy.analysis;

/** What people put between the digit groups of a card, account or ID number. */
final class Separators {

    /** At most this many separator characters between two groups ("4111 - 1111"). */
    static final int MAX_GAP = 3;

    private Separators() {
    }

    static boolean is(char c) {
        return switch (c) {
            case ' ', '-', '.', '/', '_', '\t', '\n', '\r', '\u00a0', '\u2007', '\u2009', '\u202f', '\u200b',
                 '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\u30fb', '\uff0d' -> true;
            default -> false;
        };
    }
}
