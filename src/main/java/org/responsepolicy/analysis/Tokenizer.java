package org.responsepolicy.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Splits text into words with Lucene's Unicode word-break rules (UAX #29). */
final class Tokenizer {

    /** One word, lower-cased, with its offsets (UTF-16, end exclusive). */
    record Word(int start, int end, String text) {
    }

    private Tokenizer() {
    }

    /** The words of a text: split once, then given each language's forms. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(new Word(offset.startOffset(), offset.endOffset(), term.toString().toLowerCase(Locale.ROOT)));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return words;
    }

    static List<Token> withForms(List<Word> words, KnownForms forms) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (Word w : words) {
            tokens.add(new Token(w.start(), w.end(), forms.of(w.text())));
        }
        return tokens;
    }
}
