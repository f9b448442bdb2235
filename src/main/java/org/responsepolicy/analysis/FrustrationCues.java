package org.responsepolicy.analysis;

/**
 * Signs of an upset writer that no word list holds: doubled "??" or "!!", and words shouted in capitals
 * ("REFUND ME", "NOT sitting on hold"). Language-independent.
 */
final class FrustrationCues {

    private static final java.util.Set<String> ACRONYMS = java.util.Set.of(
            "IBAN", "PESEL", "BLIK", "SEPA", "SWIFT", "UOKIK", "SNILS", "VISA", "MASTERCARD", "PAYPAL", "REVOLUT",
            "COVID", "GDPR", "RODO", "UODO", "NAIH", "RRSO", "PSD2", "CFPB", "NATO", "HTTPS", "HTTP", "ISBN", "KYC",
            "SIPP", "ROTH", "ELIXIR", "SORBNET", "TARGET", "NBP", "SMS", "СНИЛС", "РНОКПП", "ИНН", "НБУ", "ЦБРФ",
            "ОСАГО", "КАСКО", "МФО", "ПРИВАТ", "MNB", "THM", "JTM", "OTP", "ERSTE", "CIB", "MBH");

    private FrustrationCues() {
    }

    static boolean present(String text) {
        if (text.contains("??") || text.contains("!!") || text.contains("?!") || text.contains("!?")) {
            return true;
        }
        int shouted = 0;
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            // Four letters or more, and not a banking acronym: "IBAN", "PESEL" or "BLIK" is not anger.
            if (word.length() >= 4 && word.chars().allMatch(Character::isLetter)
                    && word.equals(word.toUpperCase(java.util.Locale.ROOT))
                    && !word.equals(word.toLowerCase(java.util.Locale.ROOT))
                    && !ACRONYMS.contains(word)) {
                shouted++;
            }
        }
        return shouted >= 1;
    }
}
