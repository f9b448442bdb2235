package org.responsepolicy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.BundledRules;

/** The analysis step with the real word lists in rules/. */
class MentionAnalyzerTest {

    private final MentionAnalyzer analyzer = BundledRules.get().analyzer();

    private List<String> topics(String text) {
        return analyzer.analyze(text, null, null).topics().stream().map(Analysis.Finding::id).toList();
    }

    @Test
    void matchesInflectedPolishFormsOfTopicTerms() {
        assertTrue(topics("Mam pytanie o spłatę kredytu we frankach").contains("credit"));
        assertTrue(topics("Co z kredytem hipotecznym?").contains("credit"));
    }

    @Test
    void matchesEnglishPluralsOfTopicTerms() {
        assertTrue(topics("Why are your mortgages so expensive?").contains("credit"));
    }

    @Test
    void findsEveryTopicWhoseListHasTheMatchingWords() {
        MentionAnalyzer two = new MentionAnalyzer(
                List.of(new TermList("credit", null, true, null, false, null, java.util.Map.of("en", List.of("loan insurance"))),
                        new TermList("insurance", null, true, null, false, null, java.util.Map.of("en", List.of("loan insurance")))),
                List.of(), List.of(), java.util.Map.of(), List.of());
        assertEquals(List.of("credit", "insurance"),
                two.analyze("They sold me loan insurance", "en", null).topics().stream().map(Analysis.Finding::id).sorted().toList());
    }

    @Test
    void marksRegulatedTopicsAndKeepsEvidence() {
        Analysis a = analyzer.analyze("I think someone is phishing your customers with a fake SMS", "en", null);
        Analysis.Finding fraud = a.topics().stream().filter(t -> t.id().equals("fraud")).findFirst().orElseThrow();
        assertTrue(fraud.regulated());
        assertFalse(fraud.evidence().isEmpty());
    }

    @Test
    void readsNegationAsNegativeInPolishAndEnglish() {
        assertEquals("negative", analyzer.analyze("Nie polecam tego banku.", "pl", null).sentiment().label());
        assertEquals("negative", analyzer.analyze("The new app is not good at all.", "en", null).sentiment().label());
    }

    @Test
    void doesNotReadPolishNegatedAdjectiveAsItsOpposite() {
        assertEquals("negative", analyzer.analyze("Jestem bardzo niezadowolona z obsługi.", "pl", null).sentiment().label());
        assertFalse(topics("Nie mogę autoryzować transakcji w aplikacji").contains("fraud"));
    }

    @Test
    void readsTheClauseAfterButAsTheVerdict() {
        assertEquals("negative", analyzer.analyze("Absolutely love the new app, but the fees are a rip-off", "en", null)
                .sentiment().label());
    }

    @Test
    void doesNotLetANegatorReachPastTheWordsItNegates() {
        assertEquals("negative", analyzer.analyze("I can't believe how bad your service is", "en", null).sentiment().label());
    }

    @Test
    void endsNegationAtTheEndOfAClause() {
        assertEquals("negative",
                analyzer.analyze("Nie polecam, aplikacja znowu nie działa, skandal!", "pl", null).sentiment().label());
    }

    @Test
    void readsPraiseAsPositive() {
        assertEquals("positive", analyzer.analyze("Dziękuję, świetna obsługa, polecam!", null, null).sentiment().label());
        assertEquals("positive", analyzer.analyze("Thank you, great service 👍", null, null).sentiment().label());
    }

    @Test
    void readsSarcasmAsNegative() {
        assertEquals("negative", analyzer.analyze("Great, another outage. Love it.", "en", null).sentiment().label());
    }

    @Test
    void callerSentimentAndLanguageWin() {
        Analysis a = analyzer.analyze("Dziękuję, super!", "en", Sentiment.fromCaller("negative", -0.4));
        assertEquals("en", a.language());
        assertEquals("negative", a.sentiment().label());
        assertEquals("caller", a.sentiment().source());
    }

    @Test
    void guessesLanguageOfShortPosts() {
        assertEquals("pl", analyzer.analyze("Gdzie jest mój przelew?", null, null).language());
        assertEquals("en", analyzer.analyze("Where is my transfer?", null, null).language());
        assertEquals("uk", analyzer.analyze("Де мій переказ? Дякую", null, null).language());
        assertEquals("ru", analyzer.analyze("Где мой перевод? Спасибо, ждём", null, null).language());
    }

    /** Decided by letters and common words (no statistics): the rules must not pull in the neighbours. */
    @Test
    void tellsServedLanguagesFromTheirNeighboursByLettersAndCommonWords() {
        // Russian without ы э ъ ё, Hungarian without ő ű, Polish without diacritics
        assertEquals("ru", language("Класс, обновили приложение и теперь вход по отпечатку не работает. Спасибо!"));
        assertEquals("hu", language("Köszi Acme Bank, imádom hogy pont fizetésnapon áll le a netbank"));
        assertEquals("pl", language("Ktos mi wytlumaczy czemu zeszlo 3x po 49,99 zl? Jestem juz zly, bo dalej nic"));
        assertEquals("uk", language("Що це таке? Вже третій день не можу зайти в додаток"));
        // ö or ü with acute accents is Hungarian only without German, Czech, Spanish or French letters
        assertEquals("de", language("Schöne Grüße aus München, die Überweisung ist immer noch nicht angekommen."));
        assertEquals("es", language("¡Qué vergüenza! Llevo tres días sin poder entrar en la aplicación del banco."));
        assertEquals("es", language("Qué vergüenza, el cajero no me devolvió la tarjeta"));
        assertFalse(List.of("ru", "uk").contains(language("И как все още не работи приложението на банката?")));
        assertFalse(List.of("pl", "hu").contains(
                language("Aplikace byla mimo provoz, bylo to hrozne, byl jsem bez penez cely den")));
        // (Czech or Slovak: lingua's call; either way not Polish)
        assertTrue(List.of("cs", "sk").contains(
                language("Nefunguje mi aplikace Acme Bank už od rána, nemůžu se přihlásit. Co se děje?")));
    }

    private String language(String text) {
        return analyzer.analyze(text, null, null).language();
    }

    @Test
    void masksPersonalDataBeforeAnythingElseSeesIt() {
        Analysis a = analyzer.analyze("card 4111 1111 1111 1111 and mail anna@example.com", "en", null);
        assertFalse(a.maskedText().contains("4111 1111 1111 1111"));
        assertFalse(a.maskedText().contains("anna@"));
        assertEquals(2, a.personalData().size());
    }

    @Test
    void analysesMegabytesOfEmojiAndInvisibleCharactersWithoutBlowingUp() {
        // Far beyond what the API accepts (20,000 characters): the work grows with the length, a few seconds
        // for these 2.8 MB; anything worse than linear would take hours.
        String text = "Karta 4111\u200b1111\u202e1111 1111 " + "😀👨‍👩‍👧\u200d\u202e".repeat(100_000);
        Analysis a = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> analyzer.analyze(text, null, null));
        assertEquals(List.of("payment_card"), a.personalData().stream().map(PersonalDataMatch::type).toList());
        assertEquals(text.length(), a.maskedText().length());
    }
}
