package org.responsepolicy.analysis;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of identifiers with correct check digits, written from the published schemes (not from
 * {@link Checksums}), so the property tests compare two independent readings of each standard.
 */
final class ValidNumbers {

    private ValidNumbers() {
    }

    static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(length);
    }

    /** Visa (13, 16, 19), Mastercard (51–55 and 2221–2720), Amex (34, 37), Discover (6011, 65). */
    static Arbitrary<String> cardNumbers() {
        Arbitrary<String[]> prefixAndLength = Arbitraries.of(
                new String[] {"4", "16"}, new String[] {"4", "13"}, new String[] {"4", "19"},
                new String[] {"51", "16"}, new String[] {"55", "16"}, new String[] {"2221", "16"},
                new String[] {"2720", "16"}, new String[] {"34", "15"}, new String[] {"37", "15"},
                new String[] {"6011", "16"}, new String[] {"65", "19"});
        return prefixAndLength.flatMap(p -> digits(Integer.parseInt(p[1]) - p[0].length() - 1)
                .map(body -> withLuhnDigit(p[0] + body)));
    }

    static String withLuhnDigit(String partial) {
        int sum = 0;
        // The check digit goes to the right, so the rightmost digit of the partial number is doubled.
        for (int i = 0; i < partial.length(); i++) {
            int d = partial.charAt(partial.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return partial + (10 - sum % 10) % 10;
    }

    /** Country, registry length, and how many leading BBAN characters are letters (GB and NL bank codes). */
    record IbanCountry(String code, int length, int letters) {
    }

    static final List<IbanCountry> IBAN_COUNTRIES = List.of(
            new IbanCountry("PL", 28, 0), new IbanCountry("DE", 22, 0), new IbanCountry("GB", 22, 4),
            new IbanCountry("HU", 28, 0), new IbanCountry("UA", 29, 0), new IbanCountry("FR", 27, 0),
            new IbanCountry("NL", 18, 4), new IbanCountry("NO", 15, 0), new IbanCountry("AT", 20, 0),
            new IbanCountry("CZ", 24, 0), new IbanCountry("ES", 24, 0), new IbanCountry("LT", 20, 0));

    /** Compact upper-case IBANs: ISO 13616 check digits are 98 minus (BBAN + country + "00") mod 97. */
    static Arbitrary<String> ibans() {
        return Arbitraries.of(IBAN_COUNTRIES).flatMap(c -> Combinators.combine(
                        Arbitraries.strings().withCharRange('A', 'Z').ofLength(c.letters()),
                        digits(c.length() - 4 - c.letters()))
                .as((letters, numbers) -> iban(c.code(), letters + numbers)));
    }

    static String iban(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char ch : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    /** PESEL: YYMMDD with the century in the month (+80 1800s, +0 1900s, +20 2000s, +40, +60), serial, check. */
    static Arbitrary<String> pesels() {
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12),
                        Arbitraries.of(0, 20, 40, 60, 80), Arbitraries.integers().between(1, 28), digits(4))
                .as((year, month, century, day, serial) -> {
                    String first = String.format("%02d%02d%02d%s", year, month + century, day, serial);
                    return first + weightedCheck(first, new int[] {1, 3, 7, 9, 1, 3, 7, 9, 1, 3});
                });
    }

    private static int weightedCheck(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return (10 - sum % 10) % 10;
    }

    static final int[] NIP_WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    static final int[] RNOKPP_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
    static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    static final int[] INN12_FIRST_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    static final int[] INN12_SECOND_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return Math.floorMod(sum, 11);
    }

    /** Polish NIP: the check digit is the weighted sum mod 11; numbers where that is 10 are never issued. */
    static Arbitrary<String> nips() {
        return digits(9).filter(d -> mod11(d, NIP_WEIGHTS) != 10).map(d -> d + mod11(d, NIP_WEIGHTS));
    }

    /** Ukrainian RNOKPP and Russian 10-digit INN: (weighted sum mod 11) mod 10. */
    static Arbitrary<String> tenIsZero(int[] weights) {
        return digits(9).map(d -> d + mod11(d, weights) % 10);
    }

    /** Russian 12-digit INN: two check digits, the second over the first eleven. */
    static Arbitrary<String> inn12s() {
        return digits(10).map(d -> {
            String eleven = d + mod11(d, INN12_FIRST_WEIGHTS) % 10;
            return eleven + mod11(eleven, INN12_SECOND_WEIGHTS) % 10;
        });
    }

    /** Russian SNILS: Σ digit × (9 − position) over nine digits, mod 101, 100 written as 00. */
    static Arbitrary<String> snilses() {
        return digits(9).map(d -> d + String.format("%02d", snilsCheck(d)));
    }

    static int snilsCheck(String nine) {
        int r = snilsRemainder(nine);
        return r == 100 ? 0 : r;
    }

    /** Σ digit × (9 − position) over the first nine digits, mod 101. */
    static int snilsRemainder(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        return sum % 101;
    }

    /** Hungarian TAJ: weights 3 and 7 alternating over eight digits, sum mod 10. */
    static Arbitrary<String> tajs() {
        return digits(8).map(d -> d + tajCheck(d));
    }

    static int tajCheck(String eight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eight.charAt(i) - '0') * (i % 2 == 0 ? 3 : 7);
        }
        return sum % 10;
    }

    /** Hungarian tax id: starts with 8; Σ digit × position (1–9) mod 11, 10 never issued. */
    static Arbitrary<String> hungarianTaxIds() {
        return digits(8).map(d -> "8" + d).filter(d -> huTaxRemainder(d) != 10).map(d -> d + huTaxRemainder(d));
    }

    static int huTaxRemainder(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (i + 1);
        }
        return sum % 11;
    }
}
