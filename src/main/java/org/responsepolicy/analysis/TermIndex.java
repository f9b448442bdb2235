package org.responsepolicy.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the terms of one language's word lists in a tokenised text; indexed by the forms of each term's
 * first word so a text is scanned once. Immutable and thread-safe.
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

    private final Map<String, List<Entry<K>>> byFirstForm = new HashMap<>();
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
        for (String form : new LinkedHashSet<>(term.words().get(0))) {
            byFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(entry);
        }
    }

    /** All matches, longest first at each position, without double counting a term at one position. */
    List<Hit<K>> find(List<Token> tokens) {
        List<Hit<K>> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            // Per (term, list): the same words may stand in two lists ("hitelfedezeti" under credit and insurance).
            // Entries are compared by identity: hashing a term and its whole list per word was most of the cost.
            Set<Entry<K>> matchedHere = null;
            for (String form : tokens.get(i).forms()) {
                // Found by this form of the first word: only the following words remain to be matched.
                for (Entry<K> candidate : byFirstForm.getOrDefault(form, List.of())) {
                    Term term = candidate.term();
                    if (matchedHere != null && matchedHere.contains(candidate) || !term.matchesAt(tokens, i, 1)) {
                        continue;
                    }
                    if (matchedHere == null) {
                        matchedHere = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    }
                    matchedHere.add(candidate);
                    int n = term.words().size();
                    hits.add(new Hit<>(candidate.key(), term, i, n, tokens.get(i).start(), tokens.get(i + n - 1).end(),
                            candidate.order()));
                }
            }
        }
        // Fully ordered: two entries can match the same words ("love", "lovely"), and which one counts must
        // not depend on hash order, which differs from one JVM to the next.
        hits.sort(java.util.Comparator.<Hit<K>>comparingInt(Hit::firstToken)
                .thenComparing(h -> -h.tokenCount())
                .thenComparing(h -> h.term().text())
                .thenComparing(Hit::order));
        return hits;
    }
}
