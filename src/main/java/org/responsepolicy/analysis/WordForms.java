package org.responsepolicy.analysis;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The forms a word can match as, per language: the word itself, its base forms and its spelling
 * without diacritics. Lexicon terms and mention text go through the same forms, so an inflected word
 * in a mention meets its dictionary form in a word list. This class is thread-safe (stemmers are per thread).
 */
abstract class WordForms {

    abstract Set<String> of(String lowerCaseWord);

    static WordForms forLanguage(String language) {
        return switch (language) {
            case "en" -> new Snowball(EnglishStemmer::new);
            case "pl" -> new Polish();
            default -> new Plain();
        };
    }

    static String fold(String word) {
        char[] in = word.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }

    static Set<String> withFolded(String word) {
        Set<String> forms = new TreeSet<>();
        forms.add(word);
        forms.add(fold(word));
        return forms;
    }

    private static final class Plain extends WordForms {
        @Override
        Set<String> of(String word) {
            return withFolded(word);
        }
    }

    private static final class Snowball extends WordForms {
        private final ThreadLocal<SnowballStemmer> stemmer;

        Snowball(Supplier<SnowballStemmer> factory) {
            this.stemmer = ThreadLocal.withInitial(factory);
        }

        @Override
        Set<String> of(String word) {
            Set<String> forms = withFolded(word);
            SnowballStemmer s = stemmer.get();
            s.setCurrent(word);
            s.stem();
            forms.add(s.getCurrent());
            return forms;
        }
    }

    /** Polish inflects heavily: Morfologik's dictionary gives the lemma(s) of each form. */
    private static final class Polish extends WordForms {
        private final ThreadLocal<PolishStemmer> stemmer = ThreadLocal.withInitial(PolishStemmer::new);

        @Override
        Set<String> of(String word) {
            Set<String> forms = withFolded(word);
            for (WordData wd : stemmer.get().lookup(word)) {
                CharSequence stem = wd.getStem();
                if (stem != null && stem.length() > 0) {
                    String lemma = stem.toString().toLowerCase(Locale.ROOT);
                    if (losesNegation(word, lemma)) {
                        continue;
                    }
                    forms.add(lemma);
                    forms.add(fold(lemma));
                }
            }
            return forms;
        }

        /**
         * The dictionary gives "niezadowolony" the lemma "zadowolony" and "nieautoryzowana" the lemma
         * "autoryzować": the opposite meaning. Such a lemma must not be matched.
         */
        private static boolean losesNegation(String word, String lemma) {
            return word.startsWith("nie") && word.length() > 5 && !lemma.startsWith("nie");
        }
    }
}
