package org.responsepolicy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.responsepolicy.analysis.HostileText.digitsOf;
import static org.responsepolicy.analysis.HostileText.escaped;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.responsepolicy.analysis.HostileText.Mention;
import org.responsepolicy.analysis.HostileText.Secret;
import org.responsepolicy.support.BundledRules;

/**
 * Whatever surrounds them (words of five languages, emoji, zero-width and bidi characters), cards, IBANs,
 * national and tax ids, phone numbers and e-mail addresses never survive masking: not in the masked text
 * (compared digits only, so no separator hides a leak), not in the masked value of a match.
 */
class MaskingPropertiesTest {

    private static final MentionAnalyzer ANALYZER = BundledRules.get().analyzer();

    @Provide
    Arbitrary<Mention> mentions() {
        return HostileText.mentions();
    }

    /** The caller's language, a neighbour's, or none (detected). */
    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("pl", "uk", "ru", "hu", "en", "de").injectNull(0.4);
    }

    @Provide
    Arbitrary<Mention> disguisedMentions() {
        return HostileText.mentions(HostileText.disguisedSecrets());
    }

    @Provide
    Arbitrary<Mention> plainOrDisguisedMentions() {
        return Arbitraries.oneOf(mentions(), disguisedMentions());
    }

    @Property(tries = 1000)
    void personalDataNeverSurvivesMasking(@ForAll("mentions") Mention mention, @ForAll("languages") String language) {
        assertNothingSurvives(mention, ANALYZER.analyze(mention.text(), language, null).maskedText());
    }

    @Property(tries = 1000)
    void personalDataWithInvisibleCharactersOrDigitsOfAnotherStyleNeverSurvivesMasking(
            @ForAll("disguisedMentions") Mention mention, @ForAll("languages") String language) {
        assertNothingSurvives(mention, ANALYZER.analyze(mention.text(), language, null).maskedText());
    }

    private static void assertNothingSurvives(Mention mention, String masked) {
        String maskedDigits = digitsOf(masked);
        for (Secret secret : mention.secrets()) {
            boolean survived = secret.kind().equals("email")
                    ? HostileText.visible(masked).contains(secret.mustNotSurvive())
                    : maskedDigits.contains(secret.mustNotSurvive());
            assertFalse(survived, secret.kind() + " " + escaped(secret.written()) + " survived in " + escaped(masked));
        }
    }

    @Property(tries = 500)
    void everyMatchIsReplacedByAMaskedValueThatHidesIt(@ForAll("plainOrDisguisedMentions") Mention mention,
                                                       @ForAll("languages") String language) {
        String text = mention.text();
        Analysis analysis = ANALYZER.analyze(text, language, null);
        List<PersonalDataMatch> found = analysis.personalData();
        assertFalse(found.isEmpty(), "nothing found in " + escaped(text));

        StringBuilder expected = new StringBuilder(text);
        for (int i = found.size() - 1; i >= 0; i--) {
            PersonalDataMatch m = found.get(i);
            assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= text.length(), m.toString());
            assertTrue(i == 0 || found.get(i - 1).end() <= m.start(), "overlapping or unsorted: " + found);
            String raw = text.substring(m.start(), m.end());
            if (m.type().equals("email")) {
                assertFalse(HostileText.visible(m.maskedValue()).contains(HostileText.visible(raw)), m.toString());
            } else {
                assertFalse(digitsOf(m.maskedValue()).contains(digitsOf(raw)), escaped(raw) + " → " + m);
            }
            expected.replace(m.start(), m.end(), m.maskedValue());
        }
        assertEquals(escaped(expected.toString()), escaped(analysis.maskedText()));
        assertTrue(HostileText.wellFormed(analysis.maskedText()), "a surrogate pair was split: " + escaped(analysis.maskedText()));
        // The text fingerprinted for idempotency is masked exactly as the analysis masks it.
        assertEquals(analysis.maskedText(), ANALYZER.maskedText(text, language));
    }
}
