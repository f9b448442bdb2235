package org.responsepolicy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.responsepolicy.support.BundledRules;

/**
 * The whole analysis (language, personal data, masking, sentiment, topics, intents) with the bundled word
 * lists, on any text the API accepts and more: it never throws, finishes within {@link #MAX_SECONDS}, and
 * whatever personal data it reports is gone from the masked text.
 *
 * <p>Seeds live in {@code AnalyzerFuzzTestInputs/} beside this class in the test resources and are written by
 * {@link AnalyzerFuzzSeeds}. In {@code mvn test} the fuzz execution of the pom fuzzes for a short while
 * ({@code jazzer.max_duration}); the README has the command for a longer run.
 */
class AnalyzerFuzzTest {

    /**
     * Longer texts only make each run slower, not different: the fuzzer tries more variety in the same
     * time with texts of at most this many UTF-16 units. A megabyte of emoji is {@link MentionAnalyzerTest}'s
     * and HostileInputIntegrationTest's business.
     */
    static final int MAX_CHARS = 4_000;
    static final int MAX_PIECE = 200;
    static final int MAX_REPEAT = 65_535;
    /** Generous for a 2-core CI machine under load; a hang is caught by libFuzzer's -timeout (see the pom). */
    static final int MAX_SECONDS = 20;
    static final String[] LANGUAGES = {"", "pl", "uk", "ru", "hu", "en", "de", "xx", "PL"};

    private static final MentionAnalyzer ANALYZER = BundledRules.get().analyzer();

    /**
     * Reads the fuzzer's bytes as: the language (last byte, "" for none), then either the rest as one text,
     * or a sequence of pieces: a string from the front, any single UTF-16 unit (lone surrogates included), or
     * the previous piece repeated up to 65,535 times (a wall of emoji); cut at {@link #MAX_CHARS}.
     */
    static String text(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            String text = data.consumeRemainingAsString();
            return text.substring(0, Math.min(text.length(), MAX_CHARS));
        }
        StringBuilder text = new StringBuilder();
        String last = "";
        while (data.remainingBytes() > 0 && text.length() < MAX_CHARS) {
            last = switch (data.consumeInt(0, 2)) {
                case 0 -> data.consumeString(MAX_PIECE);
                case 1 -> String.valueOf(data.consumeChar());
                default -> last.repeat(data.consumeInt(1, MAX_REPEAT));
            };
            text.append(last, 0, Math.min(last.length(), MAX_CHARS - text.length()));
        }
        return text.toString();
    }

    /*
     * The dictionary gives the fuzzer words to splice in; bytes as the FuzzedDataProvider reads strings
     * (modified UTF-8): zero-width space and joiner, RIGHT-TO-LEFT OVERRIDE and MARK, BOM, full-width 4,
     * and the surrogate pairs of 😀 and 𝟒.
     */
    @FuzzTest
    @DictionaryEntries({"\"4111 1111 1111 1111\"", "\"PL61 1090 1014 0000 0712 1981 2874\"", "\"44051401359\"",
            "\"jan.kowalski@example.com\"", "\"+48 601 234 567\"", "\"NIP \"", "\"PESEL \"", "\"tel. \"",
            "\"\\xE2\\x80\\x8B\"", "\"\\xE2\\x80\\x8D\"", "\"\\xE2\\x80\\xAE\"", "\"\\xE2\\x80\\x8F\"", "\"\\xEF\\xBB\\xBF\"",
            "\"\\xEF\\xBC\\x94\"", "\"\\xED\\xA0\\xBD\\xED\\xB8\\x80\"", "\"\\xED\\xA0\\xB5\\xED\\xBF\\x92\""})
    void analysesAnyTextWithoutThrowingOrLeakingPersonalData(FuzzedDataProvider data) {
        String language = data.pickValue(LANGUAGES);
        String text = text(data);
        String callerLanguage = language.isEmpty() ? null : language;

        long started = System.nanoTime();
        Analysis analysis = ANALYZER.analyze(text, callerLanguage, null);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertTrue(seconds < MAX_SECONDS, "analysing " + text.length() + " chars took " + seconds + " s");

        assertNotNull(analysis.language());
        assertNotNull(analysis.sentiment());
        String masked = analysis.maskedText();
        StringBuilder expected = new StringBuilder(text);
        List<PersonalDataMatch> found = analysis.personalData();
        for (int i = found.size() - 1; i >= 0; i--) {
            PersonalDataMatch m = found.get(i);
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= text.length(), m.toString());
            assertTrue(i == 0 || found.get(i - 1).end() <= m.start(), "overlapping or unsorted: " + found);
            String raw = text.substring(m.start(), m.end());
            if (m.type().equals("email")) {
                assertFalse(HostileText.visible(m.maskedValue()).equals(HostileText.visible(raw)), m.toString());
            } else {
                String rawDigits = HostileText.digitsOf(raw);
                assertFalse(HostileText.digitsOf(m.maskedValue()).contains(rawDigits), HostileText.escaped(raw) + " → " + m);
            }
            expected.replace(m.start(), m.end(), m.maskedValue());
        }
        assertEquals(expected.toString(), masked, "the masked text is the text with each match replaced: " + shown(text));
        assertTrue(unpairedSurrogates(masked) <= unpairedSurrogates(text),
                "masking split a surrogate pair: " + shown(text) + " → " + shown(masked));
        assertEquals(masked, ANALYZER.maskedText(text, callerLanguage), "the fingerprinted text is masked the same way");
    }

    /** The text with invisible characters and surrogates escaped, cut for a readable failure message. */
    private static String shown(String s) {
        String escaped = HostileText.escaped(s);
        return escaped.length() > 600 ? escaped.substring(0, 600) + "…" : escaped;
    }

    private static int unpairedSurrogates(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                count++;
            }
        }
        return count;
    }
}
