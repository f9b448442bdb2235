package org.responsepolicy.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.IStemmer;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The forms a word can match as, per language: the word itself, its spelling without diacritics and its
 * base forms, from the analyzers made for each language — Morfologik dictionaries (Polish, Ukrainian),
 * Snowball stemmers (English, Russian, Hungarian) and Stempel (Polish typed without diacritics). Word-list
 * entries and mention text go through the same forms, so an inflected word meets its dictionary form.
 * This class is thread-safe: stemmers and dictionary lookups are per thread.
 */
abstract class WordForms {

    abstract Set<String> of(String lowerCaseWord);

    static WordForms forLanguage(String language) {
        return switch (language) {
            case "en" -> new Snowball(EnglishStemmer::new, false);
            case "ru" -> new Snowball(RussianStemmer::new, false);
            case "hu" -> new Snowball(HungarianStemmer::new, true);
            case "pl" -> new Polish();
            case "uk" -> new Ukrainian();
            default -> new Plain();
        };
    }

    /** The spelling without diacritics: "pożyczka" → "pozyczka", "kártya" → "kartya", "ещё" → "еще". */
    static String fold(String word) {
        char[] in = word.replace('ё', 'е').toCharArray();
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

    /**
     * Dictionaries give some negated words the lemma of their opposite ("niezadowolony" → "zadowolony",
     * "nieautoryzowana" → "autoryzować"). Such a lemma must not be matched.
     */
    static boolean losesNegation(String word, String lemma, String negationPrefix) {
        return word.startsWith(negationPrefix) && word.length() > negationPrefix.length() + 2
                && !lemma.startsWith(negationPrefix);
    }

    private static final class Plain extends WordForms {
        @Override
        Set<String> of(String word) {
            return withFolded(word);
        }
    }

    private static final class Snowball extends WordForms {
        private final ThreadLocal<SnowballStemmer> stemmer;
        private final boolean stemFolded;

        /** @param stemFolded also stem the spelling without diacritics (Hungarian is often typed without accents) */
        Snowball(Supplier<SnowballStemmer> factory, boolean stemFolded) {
            this.stemmer = ThreadLocal.withInitial(factory);
            this.stemFolded = stemFolded;
        }

        @Override
        Set<String> of(String word) {
            Set<String> forms = withFolded(word);
            forms.add(stem(word.replace('ё', 'е')));
            if (stemFolded) {
                forms.add(stem(fold(word)));
            }
            return forms;
        }

        private String stem(String word) {
            SnowballStemmer s = stemmer.get();
            s.setCurrent(word);
            s.stem();
            return s.getCurrent();
        }
    }

    /** Base forms from a Morfologik dictionary, ignoring lemmas that drop a negation prefix. */
    private abstract static class Dictionaried extends WordForms {
        private final String negationPrefix;

        Dictionaried(String negationPrefix) {
            this.negationPrefix = negationPrefix;
        }

        abstract IStemmer lookup();

        void addLemmas(String word, Set<String> forms) {
            for (WordData wd : lookup().lookup(word)) {
                CharSequence stem = wd.getStem();
                if (stem != null && stem.length() > 0) {
                    String lemma = stem.toString().toLowerCase(Locale.ROOT);
                    if (!losesNegation(word, lemma, negationPrefix)) {
                        forms.add(lemma);
                        forms.add(fold(lemma));
                    }
                }
            }
        }
    }

    private static final class Polish extends Dictionaried {
        private final ThreadLocal<PolishStemmer> dictionary = ThreadLocal.withInitial(PolishStemmer::new);
        private final ThreadLocal<StempelStemmer> stempel =
                ThreadLocal.withInitial(() -> new StempelStemmer(PolishAnalyzer.getDefaultTable()));

        Polish() {
            super("nie");
        }

        @Override
        IStemmer lookup() {
            return dictionary.get();
        }

        @Override
        Set<String> of(String word) {
            Set<String> forms = withFolded(word);
            addLemmas(word, forms);
            // The dictionary only knows correct spelling; "pozyczki" (no diacritics) still meets "pożyczka"
            // through the Stempel stem of both diacritic-free spellings.
            StringBuilder stem = stempel.get().stem(fold(word));
            if (stem != null && stem.length() > 2 && !losesNegation(word, stem.toString(), "nie")) {
                forms.add("~" + stem);
            }
            return forms;
        }
    }

    private static final class Ukrainian extends Dictionaried {
        private final ThreadLocal<DictionaryLookup> dictionary =
                ThreadLocal.withInitial(() -> new DictionaryLookup(UkrainianDictionary.INSTANCE));

        Ukrainian() {
            super("не");
        }

        @Override
        IStemmer lookup() {
            return dictionary.get();
        }

        @Override
        Set<String> of(String word) {
            String normalised = word.replace('’', '\'').replace('ʼ', '\'').replace('`', '\'');
            Set<String> forms = withFolded(normalised);
            addLemmas(normalised, forms);
            return forms;
        }
    }

    /** The Ukrainian Morfologik dictionary (7 MB), read once per JVM; Dictionary is immutable. */
    private static final class UkrainianDictionary {
        static final Dictionary INSTANCE = read();

        private static Dictionary read() {
            try {
                return Dictionary.read(WordForms.class.getResource("/ua/net/nlp/ukrainian.dict"));
            } catch (IOException e) {
                throw new UncheckedIOException("the Ukrainian dictionary is on the class path", e);
            }
        }
    }
}
