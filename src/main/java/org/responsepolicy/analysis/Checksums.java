package org.responsepolicy.analysis;

import java.math.BigInteger;
import java.util.Map;

/** Check digits that tell real identifiers from look-alike numbers (an order number is not a card). */
final class Checksums {

    private Checksums() {
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Card numbers: 13–19 digits, an issuer prefix in use (2–6), and a valid Luhn digit. */
    static boolean paymentCard(String digits) {
        return digits.length() >= 13 && digits.length() <= 19
                && digits.charAt(0) >= '2' && digits.charAt(0) <= '6'
                && luhn(digits);
    }

    /** ISO 13616: country-specific length and mod-97 remainder 1. */
    static boolean iban(String compact) {
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        Integer expected = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (expected == null || expected != compact.length()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static Integer ibanLength(String countryCode) {
        return IBAN_LENGTHS.get(countryCode);
    }

    /** Polish PESEL: weighted check digit and a plausible encoded birth date. */
    static boolean pesel(String digits) {
        if (digits.length() != 11) {
            return false;
        }
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        if ((10 - sum % 10) % 10 != digits.charAt(10) - '0') {
            return false;
        }
        int month = Integer.parseInt(digits.substring(2, 4)) % 20;
        int day = Integer.parseInt(digits.substring(4, 6));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** Polish NIP: weights 6,5,7,2,3,4,5,6,7; the check digit is the sum mod 11 (10 is never issued). */
    static boolean nip(String d) {
        return d.length() == 10 && weightedMod11(d, new int[] {6, 5, 7, 2, 3, 4, 5, 6, 7}, false) == digit(d, 9);
    }

    /** Ukrainian RNOKPP (ІПН): weights -1,5,7,9,4,6,10,5,7; check = (sum mod 11) mod 10. */
    static boolean rnokpp(String d) {
        return d.length() == 10 && weightedMod11(d, new int[] {-1, 5, 7, 9, 4, 6, 10, 5, 7}, true) == digit(d, 9);
    }

    /** Russian INN: 10 digits (organisations) with one check digit, 12 (people) with two. */
    static boolean inn(String d) {
        if (d.length() == 10) {
            return weightedMod11(d, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8}, true) == digit(d, 9);
        }
        return d.length() == 12
                && weightedMod11(d, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, true) == digit(d, 10)
                && weightedMod11(d, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, true) == digit(d, 11);
    }

    /** Russian SNILS: 11 digits; the last two check the first nine (sum of digit × (9 − position), mod 101). */
    static boolean snils(String d) {
        if (d.length() != 11) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(d, i) * (9 - i);
        }
        int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        return check == Integer.parseInt(d.substring(9));
    }

    /** Hungarian TAJ: 9 digits; weights 3,7,3,7,… on the first eight, sum mod 10 is the last. */
    static boolean taj(String d) {
        if (d.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += digit(d, i) * (i % 2 == 0 ? 3 : 7);
        }
        return sum % 10 == digit(d, 8);
    }

    /** Hungarian tax id (adóazonosító jel): 10 digits starting with 8; Σ digit × position (1–9) mod 11. */
    static boolean hungarianTaxId(String d) {
        if (d.length() != 10 || d.charAt(0) != '8') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(d, i) * (i + 1);
        }
        return sum % 11 != 10 && sum % 11 == digit(d, 9);
    }

    /** Σ digit × weight mod 11; with {@code tenIsZero} a result of 10 counts as 0, else it never matches. */
    private static int weightedMod11(String d, int[] weights, boolean tenIsZero) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(d, i) * weights[i];
        }
        int r = Math.floorMod(sum, 11);
        return r == 10 ? (tenIsZero ? 0 : -1) : r;
    }

    private static int digit(String d, int i) {
        return d.charAt(i) - '0';
    }

    // ISO 13616 registry lengths (SWIFT IBAN registry).
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));
}
