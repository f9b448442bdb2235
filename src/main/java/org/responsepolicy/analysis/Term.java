package org.responsepolicy.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A word or phrase from a word list, analysed into the forms each of its words may take.
 * It matches consecutive words of a text when every word shares at least one form.
 */
record Term(String text, List<Set<String>> words) {

    static Term of(String text, WordForms forms) {
        List<Set<String>> words = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text, forms)) {
            words.add(t.forms());
        }
        return new Term(text, List.copyOf(words));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether the term matches the tokens starting at {@code from}. */
    boolean matchesAt(List<Token> tokens, int from) {
        return matchesAt(tokens, from, 0);
    }

    /**
     * Whether the words from {@code firstWord} on match the tokens from {@code from + firstWord} on; an index
     * that found the term by its first word's form skips that word.
     */
    boolean matchesAt(List<Token> tokens, int from, int firstWord) {
        if (from + words.size() > tokens.size()) {
            return false;
        }
        for (int i = firstWord; i < words.size(); i++) {
            if (java.util.Collections.disjoint(words.get(i), tokens.get(from + i).forms())) {
                return false;
            }
        }
        return true;
    }
}
