package org.responsepolicy.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One language's word forms as numbers: every form a word-list term uses gets one, and a word of a mention is
 * reduced to the numbers of those of its forms that some term uses — none, for most words. Matching then
 * compares a few sorted ints instead of hashing strings, and skips at once every word no list mentions.
 * Thread-safe.
 */
final class KnownForms {

    /** Words remembered; mentions repeat a small vocabulary, and working out a word's forms is costly. */
    private static final int WORDS = 50_000;
    private static final int[] NONE = new int[0];

    private final WordForms forms;
    /** Grows only while word lists are indexed, before any mention is analysed. */
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(WORDS).executor(Runnable::run).build();

    /** A word's numbered forms, and how many forms were numbered when they were looked up. */
    private record Known(int[] forms, int numbered) {
    }

    KnownForms(WordForms forms) {
        this.forms = forms;
    }

    /** The numbers of all forms of a word-list term's word, numbering the new ones. */
    synchronized int[] numberForms(String lowerCaseWord) {
        return numbersOf(lowerCaseWord, true);
    }

    /** The numbers of those forms of a mention's word that some term uses, sorted; empty for most words. */
    int[] of(String lowerCaseWord) {
        int numbered = numbers.size();
        Known k = known.getIfPresent(lowerCaseWord);
        if (k == null || k.numbered() != numbered) {
            // Looked up again if more forms were numbered since (a word list indexed after the word was seen).
            k = new Known(numbersOf(lowerCaseWord, false), numbered);
            known.put(lowerCaseWord, k);
        }
        return k.forms();
    }

    /** The sorted numbers of a word's forms: all of them, numbering new ones, or only those already numbered. */
    private int[] numbersOf(String word, boolean numberNew) {
        Set<String> all = forms.of(word);
        int[] out = new int[all.size()];
        int n = 0;
        for (String form : all) {
            Integer number = numberNew ? numbers.computeIfAbsent(form, f -> numbers.size()) : numbers.get(form);
            if (number != null) {
                out[n++] = number;
            }
        }
        if (n == 0) {
            return NONE;
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Whether two sorted number sets share one. */
    static boolean share(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
