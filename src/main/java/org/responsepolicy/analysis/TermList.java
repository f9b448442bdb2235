package org.responsepolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * A topic or intent and the words that reveal it, as written in {@code rules/topics/*.yaml} or
 * {@code rules/intents/*.yaml}.
 *
 * @param regulated  only meaningful for topics
 * @param regulation for regulated topics: the rules it falls under, quoted in decisions
 * @param impliesNegative a mention with it reads as negative even without emotional words (a missing transfer,
 *                        a data leak), and praise words beside it read as sarcasm
 * @param marks     literal characters that also reveal it (e.g. "?" for a question)
 * @param terms     words and phrases by ISO 639-1 language code
 */
public record TermList(String id, String description, boolean regulated, String regulation, boolean impliesNegative,
                       List<String> marks,
                       Map<String, List<String>> terms) {

    public TermList {
        marks = marks == null ? List.of() : List.copyOf(marks);
        terms = terms == null ? Map.of() : Map.copyOf(terms);
    }
}
