package org.responsepolicy.analysis;

/**
 * Signs of an upset writer that no word list holds: doubled "??" or "!!", and words shouted in capitals
 * ("REFUND ME", "NOT sitting on hold"). Language-independent.
 */
final class FrustrationCues {

    private FrustrationCues() {
    }

    static boolean present(String text) {
        if (text.contains("??") || text.contains("!!") || text.contains("?!") || text.contains("!?")) {
            return true;
        }
        int shouted = 0;
        for (String word : text.split("[^\\p{L}]+")) {
            // Four letters or more: short capitals are mostly acronyms (ATM, BLIK, KNF, ЦБ).
            if (word.length() >= 4 && word.equals(word.toUpperCase(java.util.Locale.ROOT))
                    && !word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
                shouted++;
            }
        }
        return shouted >= 1;
    }
}
