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

    private Tokenizer() {
    }

    static List<Token> tokenize(String text, WordForms forms) {
        List<Token> tokens = new ArrayList<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT);
                tokens.add(new Token(offset.startOffset(), offset.endOffset(), forms.of(word)));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return tokens;
    }
}
