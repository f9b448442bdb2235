package org.responsepolicy.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the terms of one language's word lists in a tokenised text; indexed by the numbered forms of each
 * term's first word so a text is scanned once. Immutable and thread-safe once built.
 *
 * @param <K> what a term stands for (a topic id, a sentiment weight, …)
 */
final class TermIndex<K> {

    /** One occurrence: what the term stands for, and the text it matched. */
    record Hit<K>(K key, Term term, int firstToken, int tokenCount, int start, int end, String order) {
    }

    /** One word-list entry; {@code order} breaks ties between entries matching the same words. */
    private record Entry<K>(Term term, K key, String order) {
    }

    private static final Entry<?>[] NONE = new Entry<?>[0];

    /** By the number of a form of the first word: the entries starting with that form. */
    private Entry<?>[][] byFirstForm = new Entry<?>[0][];
    private final java.util.function.Function<K, String> order;

    /** @param order a stable name for what a term stands for, to order otherwise equal matches */
    TermIndex(java.util.function.Function<K, String> order) {
        this.order = order;
    }

    void add(Term term, K key) {
        if (term.isEmpty()) {
            return;
        }
        Entry<K> entry = new Entry<>(term, key, order.apply(key));
        for (int form : term.words()[0]) {
            if (form >= byFirstForm.length) {
                byFirstForm = Arrays.copyOf(byFirstForm, Math.max(form + 1, byFirstForm.length * 2));
            }
            Entry<?>[] here = byFirstForm[form] == null ? NONE : byFirstForm[form];
            Entry<?>[] grown = Arrays.copyOf(here, here.length + 1);
            grown[here.length] = entry;
            byFirstForm[form] = grown;
        }
    }

    /** All matches, longest first at each position, without double counting a term at one position. */
    @SuppressWarnings("unchecked")
    List<Hit<K>> find(List<Token> tokens) {
        List<Hit<K>> hits = new ArrayList<>();
        List<Entry<?>> matchedHere = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int[] forms = tokens.get(i).forms();
            if (forms.length == 0) {
                continue; // most words: no list uses any of their forms
            }
            matchedHere.clear();
            for (int form : forms) {
                Entry<?>[] candidates = form < byFirstForm.length ? byFirstForm[form] : null;
                if (candidates == null) {
                    continue;
                }
                for (Entry<?> candidate : candidates) {
                    // Per (term, list): the same words may stand in two lists ("hitelfedezeti" under credit and
                    // insurance), and a word may reach one entry by two of its forms.
                    Term term = candidate.term();
                    if (containsSame(matchedHere, candidate) || !term.matchesAt(tokens, i, 1)) {
                        continue;
                    }
                    matchedHere.add(candidate);
                    int n = term.length();
                    hits.add(new Hit<>((K) candidate.key(), term, i, n, tokens.get(i).start(),
                            tokens.get(i + n - 1).end(), candidate.order()));
                }
            }
        }
        // Fully ordered: two entries can match the same words ("love", "lovely"), and which one counts must
        // not depend on the order the lists were read in.
        hits.sort(java.util.Comparator.<Hit<K>>comparingInt(Hit::firstToken)
                .thenComparing(h -> -h.tokenCount())
                .thenComparing(h -> h.term().text())
                .thenComparing(Hit::order));
        return hits;
    }

    private static boolean containsSame(List<Entry<?>> entries, Entry<?> entry) {
        for (Entry<?> e : entries) {
            if (e == entry) {
                return true;
            }
        }
        return false;
    }
}
