package org.responsepolicy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataDetectorTest {

    private final PersonalDataDetector detector = new PersonalDataDetector();

    private List<String> types(String text, String language) {
        return detector.find(text, language).stream().map(PersonalDataMatch::type).toList();
    }

    @Test
    void findsCardNumberWithSpacesAndMasksAllButLastFour() {
        List<PersonalDataMatch> found = detector.find("my card 4111 1111 1111 1111 was charged twice", "en");
        assertEquals(1, found.size());
        assertEquals("payment_card", found.get(0).type());
        assertEquals("**** **** **** 1111", found.get(0).maskedValue());
        assertEquals(8, found.get(0).start());
        assertEquals(27, found.get(0).end());
    }

    @Test
    void findsCardNumberFollowedByExpiryDigits() {
        assertEquals(List.of("payment_card"), types("karta 5500000000000004 12 27", "pl"));
    }

    @Test
    void ignoresOrderNumberThatFailsLuhn() {
        assertEquals(List.of(), types("order 1234 5678 9012 3456 never arrived", "en"));
    }

    @Test
    void findsIbanOfAnyCountryWithValidChecksum() {
        assertEquals(List.of("iban"), types("send it to GB82 WEST 1234 5698 7654 32 please", "en"));
        assertEquals(List.of("iban"), types("konto PL61 1090 1014 0000 0712 1981 2874", "pl"));
        assertEquals(List.of("iban"), types("lowercase de89370400440532013000 too", "en"));
    }

    @Test
    void rejectsIbanWithWrongCheckDigits() {
        assertEquals(List.of(), types("GB83 WEST 1234 5698 7654 32", "en"));
    }

    @Test
    void findsPolishNrbWithoutCountryCode() {
        List<PersonalDataMatch> found = detector.find("przelew na 61 1090 1014 0000 0712 1981 2874 nie doszedł", "pl");
        assertEquals(1, found.size());
        assertEquals("iban", found.get(0).type());
        assertTrue(found.get(0).maskedValue().endsWith("2874"));
    }

    @Test
    void findsPeselOnlyWithValidChecksum() {
        assertEquals(List.of("national_id"), types("mój PESEL 44051401359", "pl"));
        assertEquals(List.of(), types("numer 44051401358", "pl"));
    }

    @Test
    void findsEmailAndMasksLocalPart() {
        List<PersonalDataMatch> found = detector.find("write to jan.kowalski@example.com", "pl");
        assertEquals("email", found.get(0).type());
        assertEquals("j***********@example.com", found.get(0).maskedValue());
    }

    @Test
    void findsPhonesWithAndWithoutCountryCode() {
        assertEquals(List.of("phone"), types("zadzwońcie +48 601 234 567", "pl"));
        assertEquals(List.of("phone"), types("mój numer 601 234 567", "pl"));
        assertEquals(List.of("phone"), types("call me on +44 7911 123456", "en"));
    }

    @Test
    void doesNotMistakeAmountsOrYearsForPersonalData() {
        assertEquals(List.of(), types("I paid 1500 zł in 2024 and 250.00 in fees", "en"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "card 4111  1111  1111  1111 pls", "card 4111 - 1111 - 1111 - 1111", "card 4111/1111/1111/1111",
            "card 4111_1111_1111_1111", "card 4111.1111.1111.1111", "card 4111 1111\n1111 1111",
            "card 4111\u00a01111\u00a01111\u00a01111", "card \uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11"})
    void findsCardNumbersWhateverSeparatesTheGroups(String text) {
        List<PersonalDataMatch> found = detector.find(text, "en");
        assertEquals(List.of("payment_card"), found.stream().map(PersonalDataMatch::type).toList(), text);
        assertTrue(found.get(0).maskedValue().replaceAll("\\D", "").length() <= 4, found.toString());
    }

    @Test
    void findsIbanWrittenWithDashes() {
        assertEquals(List.of("iban"), types("IBAN PL61-1090-1014-0000-0712-1981-2874", "pl"));
    }

    @Test
    void findsPeselWrittenWithSeparatorsOrGluedToItsName() {
        assertEquals(List.of("national_id"), types("PESEL 440514-01359", "pl"));
        assertEquals(List.of("national_id"), types("PESEL 440 514 013 59", "pl"));
        assertEquals(List.of("national_id"), types("pesel44051401359", "pl"));
        assertEquals(List.of(), types("SKU44051401359", "pl"));
    }

    @Test
    void findsLocalPhoneNumbersEvenWhenTheLanguageGuessIsWrong() {
        assertEquals(List.of("phone"), types("tel. 601-234-567", "en"));
        assertEquals(List.of("phone"), types("call me 601 234 567", "en"));
    }

    @Test
    void doesNotTakeAmountsOrderNumbersOrHotlinesForPhones() {
        assertEquals(List.of(), types("Saldo na koncie 612 345 678 zł, super!", "pl"));
        assertEquals(List.of(), types("Numer zamówienia 512345678 nadal w drodze", "pl"));
        assertEquals(List.of(), types("Dzwonię na infolinię 801 300 800 od godziny", "pl"));
        assertEquals(List.of(), types("Called your helpline 0345 300 0000 twice", "en"));
    }

    @Test
    void masksEmailWithNonAsciiLocalPartCompletely() {
        List<PersonalDataMatch> found = detector.find("pisz: józef.nowak@wp.pl", "pl");
        assertEquals("j**********@wp.pl", found.get(0).maskedValue());
    }

    @Test
    void handlesTextFullOfNumbersWithoutBlowingUp() {
        // used to take minutes and then overflow the regex stack
        String text = "12345 ".repeat(3333);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> detector.find(text, "pl"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Polish NIP after its name|NIP 1521398017 firmy|pl|tax_id",
            "Polish NIP in its own layout|faktura na 227-816-96-66 prosze|pl|tax_id",
            "Ukrainian RNOKPP after ІПН|Мій ІПН 2663273703, дякую|uk|tax_id",
            "Russian INN of a company|Наше ООО (ИНН 7721547280) уже|ru|tax_id",
            "Russian INN of a person (two check digits)|вот 778525388864 для вычета|ru|tax_id",
            "Russian SNILS in its layout|СНИЛС 078-666-617 27 для справки|ru|national_id",
            "Hungarian TAJ after its name|A TAJ számom 511 213 326, köszönöm|hu|national_id",
            "Hungarian tax id after its name|adóazonosítóm 8359271976. A hitel|hu|tax_id"})
    void findsTaxAndNationalIdsWithValidCheckDigits(String name, String text, String language, String type) {
        assertEquals(List.of(type), types(text, language), name);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "ten digits without a name are not a NIP|zamówienie 1521398017 w drodze|pl",
            "TAJ-valid digits without a name|szerzodesszam: 511 213 326 - ez a|hu",
            "INN with a wrong check digit|ИНН 7721547281 не проходит|ru",
            "customer number|Ugyfelszamom 8123456780, ezzel|hu"})
    void doesNotTakeLookAlikeNumbersForIds(String name, String text, String language) {
        assertEquals(List.of(), types(text, language), name);
    }

    @Test
    void findsPhonesInUnallocatedRangesWhenTheTextSaysItIsAPhone() {
        assertEquals(List.of("phone"), types("you can reach me on 07911 482630 after 5pm", "en"));
        assertEquals(List.of("phone"), types("update my mobile number to +44 7700 918245 please", "en"));
    }

    @Test
    void doesNotTakeCustomerOrOperationNumbersForPhones() {
        assertEquals(List.of(), types("Twój numer klienta: 84123112345, a ja mam inny", "pl"));
        assertEquals(List.of(), types("Що означає номер операції 5375 4419 2803 6618 у виписці?", "uk"));
    }

    @Test
    void masksAPhoneNumberFollowedByAWordThatOnlyBeginsLikeACurrency() {
        // "kr" (kroner), "zł" and "rub" once matched the start of any word, so these phones stayed public
        assertEquals(List.of("phone"), types("dzień +48 512 300 000 kredyt dzień", "pl"));
        assertEquals(List.of("phone"), types("mój numer 601 234 567 złożyłem reklamację", "pl"));
        assertEquals(List.of("phone"), types("call me on +44 7911 123456 rubbish service", "en"));
        assertEquals(List.of(), types("Списали 612 345 678 рублей, верните", "ru"));
        assertEquals(List.of(), types("Saldo na koncie 612 345 678 złotych, super!", "pl"));
    }

    @Test
    void masksAOneLetterEmailLocalPartAndNeverSplitsAFirstLetterOutsideTheBmp() {
        // the first char was kept: for "a@…" that left the address exactly as written, and of "𝔸…" (two chars)
        // it kept half, a lone surrogate in the masked text
        assertEquals("*@bank.pl", detector.find("write to a@bank.pl", "en").get(0).maskedValue());
        assertEquals("𝔸**@bank.pl", detector.find("write to 𝔸bc@bank.pl", "en").get(0).maskedValue());
    }
}
