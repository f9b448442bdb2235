package org.responsepolicy.analysis;

import java.util.List;

/**
 * Masks personal data in any text that leaves the server or is kept: error messages, log lines. Fails closed:
 * a text that cannot be checked is replaced as a whole.
 */
public final class PersonalDataMasking {

    static final String WITHHELD = "[withheld: could not be checked for personal data]";
    private static final PersonalDataDetector DETECTOR = new PersonalDataDetector();
    /** Longer texts are not worth checking in an error or log line: they are cut first. */
    private static final int MAX_CHECKED = 20_000;

    private PersonalDataMasking() {
    }

    /** The text with every personal-data value masked as in mentions; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            String t = text.length() > MAX_CHECKED ? text.substring(0, MAX_CHECKED) + "…" : text;
            return apply(t, DETECTOR.find(t, ""));
        } catch (RuntimeException | StackOverflowError e) {
            return WITHHELD;
        }
    }

    /** Replaces each match with its masked value (matches do not overlap; positions refer to {@code text}). */
    static String apply(String text, List<PersonalDataMatch> data) {
        StringBuilder out = new StringBuilder(text);
        // From the end, so a mask of another length cannot shift the positions still to replace.
        data.stream().sorted(java.util.Comparator.comparingInt(PersonalDataMatch::start).reversed())
                .forEach(m -> out.replace(m.start(), m.end(), m.maskedValue()));
        return out.toString();
    }
}
