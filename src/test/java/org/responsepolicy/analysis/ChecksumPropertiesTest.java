package org.responsepolicy.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every check-digit scheme accepts the numbers its standard generates and rejects the typing errors the
 * scheme is designed to catch: any one digit changed, and two neighbouring digits swapped wherever the
 * weights guarantee it (Luhn misses 09↔90; mod 10 with weights 1-3-7-9 or 3-7 misses swaps of digits five
 * apart; the "10 counts as 0" mod-11 schemes miss the change that moves the remainder between 0 and 10).
 */
class ChecksumPropertiesTest {

    static String changeDigit(String digits, int position, int delta) {
        int i = position % digits.length();
        char changed = (char) ('0' + (digits.charAt(i) - '0' + delta) % 10);
        return digits.substring(0, i) + changed + digits.substring(i + 1);
    }

    static String swap(String digits, int i) {
        return digits.substring(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.substring(i + 2);
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    // Payment cards (Luhn)

    @Provide
    Arbitrary<String> cards() {
        return ValidNumbers.cardNumbers();
    }

    @Property
    void acceptsEveryGeneratedCardNumber(@ForAll("cards") String card) {
        assertTrue(Checksums.paymentCard(card), card);
    }

    @Property
    void rejectsACardNumberWithOneDigitChanged(@ForAll("cards") String card, @ForAll @IntRange(max = 18) int position,
                                               @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(card, position, delta);
        assertFalse(Checksums.paymentCard(typo), card + " → " + typo);
    }

    @Property
    void rejectsACardNumberWithTwoNeighbouringDigitsSwapped(@ForAll("cards") String card,
                                                            @ForAll @IntRange(max = 17) int position) {
        int i = position % (card.length() - 1);
        int a = digit(card, i);
        int b = digit(card, i + 1);
        Assume.that(a != b && !isPair(a, b, 0, 9));
        String typo = swap(card, i);
        assertFalse(Checksums.paymentCard(typo), card + " → " + typo);
    }

    // IBAN (ISO 7064 mod 97-10)

    @Provide
    Arbitrary<String> ibans() {
        return ValidNumbers.ibans();
    }

    @Property
    void acceptsEveryGeneratedIban(@ForAll("ibans") String iban) {
        assertTrue(Checksums.iban(iban), iban);
    }

    @Property
    void rejectsAnIbanWithOneDigitChanged(@ForAll("ibans") String iban, @ForAll @IntRange(max = 40) int position,
                                          @ForAll @IntRange(min = 1, max = 9) int delta) {
        int i = 2 + position % (iban.length() - 2);
        Assume.that(Character.isDigit(iban.charAt(i)));
        String typo = iban.substring(0, i) + (char) ('0' + (digit(iban, i) + delta) % 10) + iban.substring(i + 1);
        assertFalse(Checksums.iban(typo), iban + " → " + typo);
    }

    @Property
    void rejectsAnIbanWithTwoNeighbouringDigitsSwapped(@ForAll("ibans") String iban,
                                                       @ForAll @IntRange(max = 40) int position) {
        // Position 3|4 is not a neighbourhood for the check: the check digits move behind the BBAN.
        int i = 2 + position % (iban.length() - 3);
        Assume.that(i != 3 && Character.isDigit(iban.charAt(i)) && Character.isDigit(iban.charAt(i + 1))
                && iban.charAt(i) != iban.charAt(i + 1));
        String typo = swap(iban, i);
        assertFalse(Checksums.iban(typo), iban + " → " + typo);
    }

    @Property
    void rejectsAnIbanOneCharacterTooLongOrTooShort(@ForAll("ibans") String iban, @ForAll boolean longer) {
        String wrong = longer ? iban + "0" : iban.substring(0, iban.length() - 1);
        assertFalse(Checksums.iban(wrong), wrong);
    }

    // PESEL (weights 1-3-7-9, mod 10)

    @Provide
    Arbitrary<String> pesels() {
        return ValidNumbers.pesels();
    }

    @Property
    void acceptsEveryGeneratedPesel(@ForAll("pesels") String pesel) {
        assertTrue(Checksums.pesel(pesel), pesel);
    }

    @Property
    void rejectsAPeselWithOneDigitChanged(@ForAll("pesels") String pesel, @ForAll @IntRange(max = 10) int position,
                                          @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(pesel, position, delta);
        assertFalse(Checksums.pesel(typo), pesel + " → " + typo);
    }

    @Property
    void rejectsAPeselWithTwoNeighbouringDigitsSwappedUnlessTheyAreFiveApart(
            @ForAll("pesels") String pesel, @ForAll @IntRange(max = 8) int i) {
        int difference = Math.abs(digit(pesel, i) - digit(pesel, i + 1));
        Assume.that(difference != 0 && difference != 5);
        String typo = swap(pesel, i);
        assertFalse(Checksums.pesel(typo), pesel + " → " + typo);
    }

    // Polish NIP (mod 11, 10 never issued)

    @Provide
    Arbitrary<String> nips() {
        return ValidNumbers.nips();
    }

    @Property
    void acceptsEveryGeneratedNip(@ForAll("nips") String nip) {
        assertTrue(Checksums.nip(nip), nip);
    }

    @Property
    void rejectsANipWithOneDigitChanged(@ForAll("nips") String nip, @ForAll @IntRange(max = 9) int position,
                                        @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(nip, position, delta);
        assertFalse(Checksums.nip(typo), nip + " → " + typo);
    }

    @Property
    void rejectsANipWithTwoNeighbouringDigitsSwapped(@ForAll("nips") String nip, @ForAll @IntRange(max = 7) int i) {
        Assume.that(nip.charAt(i) != nip.charAt(i + 1));
        String typo = swap(nip, i);
        assertFalse(Checksums.nip(typo), nip + " → " + typo);
    }

    // Ukrainian RNOKPP and Russian INN (mod 11, 10 written as 0)

    @Provide
    Arbitrary<String> rnokpps() {
        return ValidNumbers.tenIsZero(ValidNumbers.RNOKPP_WEIGHTS);
    }

    @Provide
    Arbitrary<String> inn10s() {
        return ValidNumbers.tenIsZero(ValidNumbers.INN10_WEIGHTS);
    }

    @Provide
    Arbitrary<String> inn12s() {
        return ValidNumbers.inn12s();
    }

    @Property
    void acceptsEveryGeneratedRnokppAndInn(@ForAll("rnokpps") String rnokpp, @ForAll("inn10s") String inn10,
                                           @ForAll("inn12s") String inn12) {
        assertTrue(Checksums.rnokpp(rnokpp), rnokpp);
        assertTrue(Checksums.inn(inn10), inn10);
        assertTrue(Checksums.inn(inn12), inn12);
    }

    /** Both remainders 0 and 10 give check digit 0: the one change these schemes cannot see. */
    private static boolean remainderStaysDistinguishable(String before, String after, int[] weights) {
        return !isPair(ValidNumbers.mod11(before, weights), ValidNumbers.mod11(after, weights), 0, 10);
    }

    private static boolean isPair(int x, int y, int a, int b) {
        return x == a && y == b || x == b && y == a;
    }

    @Property
    void rejectsAnRnokppWithOneDigitChanged(@ForAll("rnokpps") String rnokpp, @ForAll @IntRange(max = 9) int position,
                                            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(rnokpp, position, delta);
        Assume.that(remainderStaysDistinguishable(rnokpp, typo, ValidNumbers.RNOKPP_WEIGHTS));
        assertFalse(Checksums.rnokpp(typo), rnokpp + " → " + typo);
    }

    @Property
    void rejectsAnRnokppWithTwoNeighbouringDigitsSwapped(@ForAll("rnokpps") String rnokpp,
                                                         @ForAll @IntRange(max = 7) int i) {
        String typo = swap(rnokpp, i);
        Assume.that(rnokpp.charAt(i) != rnokpp.charAt(i + 1)
                && remainderStaysDistinguishable(rnokpp, typo, ValidNumbers.RNOKPP_WEIGHTS));
        assertFalse(Checksums.rnokpp(typo), rnokpp + " → " + typo);
    }

    @Property
    void rejectsAnInnWithOneDigitChanged(@ForAll("inn10s") String inn10, @ForAll("inn12s") String inn12,
                                         @ForAll @IntRange(max = 11) int position,
                                         @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo10 = changeDigit(inn10, position, delta);
        Assume.that(remainderStaysDistinguishable(inn10, typo10, ValidNumbers.INN10_WEIGHTS));
        assertFalse(Checksums.inn(typo10), inn10 + " → " + typo10);
        // With two check digits a changed digit is caught by at least one of them.
        String typo12 = changeDigit(inn12, position, delta);
        Assume.that(remainderStaysDistinguishable(inn12, typo12, ValidNumbers.INN12_FIRST_WEIGHTS)
                || remainderStaysDistinguishable(inn12, typo12, ValidNumbers.INN12_SECOND_WEIGHTS));
        assertFalse(Checksums.inn(typo12), inn12 + " → " + typo12);
    }

    // Russian SNILS (mod 101)

    @Provide
    Arbitrary<String> snilses() {
        return ValidNumbers.snilses();
    }

    @Property
    void acceptsEveryGeneratedSnils(@ForAll("snilses") String snils) {
        assertTrue(Checksums.snils(snils), snils);
    }

    @Property
    void rejectsASnilsWithOneDigitChanged(@ForAll("snilses") String snils, @ForAll @IntRange(max = 10) int position,
                                          @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(snils, position, delta);
        // Remainders 0 and 100 are both written 00.
        Assume.that(!isPair(ValidNumbers.snilsRemainder(snils), ValidNumbers.snilsRemainder(typo), 0, 100));
        assertFalse(Checksums.snils(typo), snils + " → " + typo);
    }

    // Hungarian TAJ (weights 3-7, mod 10) and tax id (mod 11)

    @Provide
    Arbitrary<String> tajs() {
        return ValidNumbers.tajs();
    }

    @Provide
    Arbitrary<String> hungarianTaxIds() {
        return ValidNumbers.hungarianTaxIds();
    }

    @Property
    void acceptsEveryGeneratedTajAndHungarianTaxId(@ForAll("tajs") String taj, @ForAll("hungarianTaxIds") String tax) {
        assertTrue(Checksums.taj(taj), taj);
        assertTrue(Checksums.hungarianTaxId(tax), tax);
    }

    @Property
    void rejectsATajWithOneDigitChanged(@ForAll("tajs") String taj, @ForAll @IntRange(max = 8) int position,
                                        @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(taj, position, delta);
        assertFalse(Checksums.taj(typo), taj + " → " + typo);
    }

    @Property
    void rejectsATajWithTwoNeighbouringDigitsSwappedUnlessTheyAreFiveApart(@ForAll("tajs") String taj,
                                                                           @ForAll @IntRange(max = 6) int i) {
        int difference = Math.abs(digit(taj, i) - digit(taj, i + 1));
        Assume.that(difference != 0 && difference != 5);
        String typo = swap(taj, i);
        assertFalse(Checksums.taj(typo), taj + " → " + typo);
    }

    @Property
    void rejectsAHungarianTaxIdWithOneDigitChangedOrTwoNeighboursSwapped(
            @ForAll("hungarianTaxIds") String tax, @ForAll @IntRange(max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String typo = changeDigit(tax, position, delta);
        assertFalse(Checksums.hungarianTaxId(typo), tax + " → " + typo);
        int i = position % 8;
        if (tax.charAt(i) != tax.charAt(i + 1)) {
            String swapped = swap(tax, i);
            assertFalse(Checksums.hungarianTaxId(swapped), tax + " → " + swapped);
        }
    }
}
