package org.responsepolicy.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.analysis.PersonalDataMatch;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.support.BundledRules;

/** Masking fails closed: a text whose masking cannot be verified is withheld, not stored. */
class MaskingGuardTest {

    private static final String RAW = "Moja karta 4111 1111 1111 1111 nie działa, PESEL 44051401359";
    private final RuleSet rules = BundledRules.get();
    private final Evaluator evaluator = new Evaluator(Clock.systemUTC(), () -> "d-1");

    private MentionInput mention() {
        return new MentionInput("m-1", "acme-bank", "twitter", "public", RAW, null, null, null, null, null, null);
    }

    @Test
    void aProperlyMaskedDecisionPassesUnchanged() {
        Analysis analysis = evaluator.analyze(mention(), rules, null);
        Decision decision = evaluator.evaluate(mention(), rules);
        assertSame(decision, MaskingGuard.checked(decision, RAW, analysis, rules.analyzer()));
        assertFalse(decision.maskedText().contains("4111 1111 1111 1111"));
    }

    @Test
    void aTextStillHoldingPersonalDataIsWithheld() {
        Analysis analysis = evaluator.analyze(mention(), rules, null);
        Decision leaking = evaluator.evaluate(mention(), rules).withMaskedText(RAW);
        assertEquals(MaskingGuard.WITHHELD, MaskingGuard.checked(leaking, RAW, analysis, rules.analyzer()).maskedText());
    }

    @Test
    void digitsThatSurviveWithOtherSeparatorsAreWithheld() {
        Analysis analysis = evaluator.analyze(mention(), rules, null);
        Decision leaking = evaluator.evaluate(mention(), rules)
                .withMaskedText("Moja karta 4111-1111-1111-1111 nie działa");
        assertEquals(MaskingGuard.WITHHELD, MaskingGuard.checked(leaking, RAW, analysis, rules.analyzer()).maskedText());
    }

    @Test
    void aCheckThatCannotRunWithholdsTheText() {
        Analysis analysis = evaluator.analyze(mention(), rules, null);
        // Positions that do not fit the text: the check throws, and the text is withheld rather than trusted.
        Analysis broken = new Analysis(analysis.language(), analysis.sentiment(),
                List.of(new PersonalDataMatch("payment_card", "****", 500, 520)), analysis.topics(),
                analysis.intents(), analysis.maskedText());
        Decision decision = evaluator.evaluate(mention(), rules);
        assertEquals(MaskingGuard.WITHHELD, MaskingGuard.checked(decision, RAW, broken, rules.analyzer()).maskedText());
    }
}
