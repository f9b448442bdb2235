package org.responsepolicy.evaluation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.analysis.MentionAnalyzer;
import org.responsepolicy.analysis.PersonalDataMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Masking fails closed: before a decision is stored, its masked text is checked once more. If personal data can
 * still be found in it, if a value found in the original text survives anywhere in the decision, or if the check
 * itself fails, the text is withheld: the decision is stored and answered without it.
 */
final class MaskingGuard {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingGuard.class);
    static final String WITHHELD = "[text withheld: personal-data masking could not be verified]";
    /** Separators people put inside numbers; removed between digits before comparing. */
    private static final Pattern DIGIT_SEPARATORS = Pattern.compile("(?<=\\d)[\\s\\-./\\u00a0]+(?=\\d)");

    private MaskingGuard() {
    }

    static Decision checked(Decision decision, String rawText, Analysis analysis, MentionAnalyzer analyzer) {
        String problem;
        try {
            problem = leak(decision, rawText, analysis, analyzer);
        } catch (RuntimeException e) {
            problem = "the check failed (" + e.getClass().getSimpleName() + ")";
        }
        if (problem == null) {
            return decision;
        }
        String errorId = UUID.randomUUID().toString();
        // Says what kind of problem, never the text or the value.
        LOG.error("Masking could not be verified for brand {} mention {}: {}; the text is withheld [errorId={}]",
                decision.brand(), decision.mentionId(), problem, errorId);
        return decision.withMaskedText(WITHHELD);
    }

    /** Null when the decision is clean, else what is wrong (without the value). */
    static String leak(Decision decision, String rawText, Analysis analysis, MentionAnalyzer analyzer) {
        String masked = decision.maskedText();
        for (PersonalDataMatch again : analyzer.personalDataIn(masked, analysis.language())) {
            if (masked.substring(again.start(), again.end()).indexOf('*') < 0) {
                return "unmasked " + again.type() + " in the masked text";
            }
        }
        if (analysis.personalData().isEmpty()) {
            return null; // nothing was found in the original, so nothing of it can survive
        }
        String everything = decision.toString();
        String maskedDigits = DIGIT_SEPARATORS.matcher(masked).replaceAll("");
        for (PersonalDataMatch found : analysis.personalData()) {
            String raw = rawText.substring(found.start(), found.end()).strip();
            if (raw.length() >= 5 && everything.contains(raw)) {
                return found.type() + " found in the original text survives in the decision";
            }
            String digits = raw.replaceAll("\\D", "");
            if (digits.length() >= 7 && maskedDigits.contains(digits)) {
                return found.type() + " digits survive in the masked text";
            }
        }
        return null;
    }
}
