package org.responsepolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * One language's sentiment word list, as written in {@code rules/sentiment/<language>.yaml}.
 *
 * @param positive     word or phrase → weight (1 mild … 3 strong)
 * @param negative     word or phrase → weight (1 mild … 3 strong)
 * @param negators     words that flip the polarity of the next few words ("not", "nie")
 * @param intensifiers word → multiplier for the next sentiment word ("very" → 1.5)
 * @param sarcasm      phrases that turn praise into a complaint ("another outage")
 * @param contrast     words after which the clause that follows counts more ("but", "ale", "але", "но", "de")
 */
public record SentimentWords(String language, Map<String, Double> positive, Map<String, Double> negative,
                             List<String> negators, Map<String, Double> intensifiers, List<String> sarcasm,
                             List<String> contrast) {

    public SentimentWords {
        positive = positive == null ? Map.of() : Map.copyOf(positive);
        negative = negative == null ? Map.of() : Map.copyOf(negative);
        negators = negators == null ? List.of() : List.copyOf(negators);
        intensifiers = intensifiers == null ? Map.of() : Map.copyOf(intensifiers);
        sarcasm = sarcasm == null ? List.of() : List.copyOf(sarcasm);
        contrast = contrast == null ? List.of() : List.copyOf(contrast);
    }
}
