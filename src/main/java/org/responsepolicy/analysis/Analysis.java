package org.responsepolicy.analysis;

import java.util.List;

/**
 * What the server noticed in a mention.
 *
 * @param maskedText the text with every piece of personal data masked; nothing downstream sees the raw text
 */
public record Analysis(String language, Sentiment sentiment, List<PersonalDataMatch> personalData,
                       List<Finding> topics, List<Finding> intents, String maskedText) {

    /** Whether the server reads this language; mentions in any other get a person's attention. */
    public boolean languageSupported() {
        return LanguageDetector.SERVED.contains(language);
    }

    /**
     * A topic or intent found in the mention.
     *
     * @param regulated for topics: whether agents must leave it to compliance
     * @param regulation for regulated topics: the rules it falls under
     * @param evidence  the words of the mention that revealed it
     */
    public record Finding(String id, boolean regulated, String regulation, List<String> evidence) {
    }
}
