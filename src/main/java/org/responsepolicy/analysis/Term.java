package org.responsepolicy.analysis;

import java.util.List;

/**
 * A word or phrase from a word list, analysed into the numbered forms each of its words may take
 * ({@link KnownForms}). It matches consecutive words of a text when every word shares at least one form.
 */
record Term(String text, int[][] words) {

    static Term of(String text, KnownForms forms) {
        List<Tokenizer.Word> split = Tokenizer.words(text);
        int[][] words = new int[split.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = forms.numberForms(split.get(i).text());
        }
        return new Term(text, words);
    }

    boolean isEmpty() {
        return words.length == 0;
    }

    int length() {
        return words.length;
    }

    /**
     * Whether the words from {@code firstWord} on match the tokens from {@code from + firstWord} on; an index
     * that found the term by its first word's form skips that word.
     */
    boolean matchesAt(List<Token> tokens, int from, int firstWord) {
        if (from + words.length > tokens.size()) {
            return false;
        }
        for (int i = firstWord; i < words.length; i++) {
            if (!KnownForms.share(words[i], tokens.get(from + i).forms())) {
                return false;
            }
        }
        return true;
    }
}
