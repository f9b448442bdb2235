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
    record Hit<K>(K key, Term term, int firstToken, int tokenCount, int start, int end) {
    }

    private final Map<String, List<Map.Entry<Term, K>>> byFirstForm = new HashMap<>();

    void add(Term term, K key) {
        if (term.isEmpty()) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>(term.words().get(0));
        for (String form : seen) {
            byFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(Map.entry(term, key));
        }
    }

    /** All matches, longest first at each position, without double counting a term at one position. */
    List<Hit<K>> find(List<Token> tokens) {
        List<Hit<K>> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            // Per (term, list): the same words may stand in two lists ("hitelfedezeti" under credit and insurance).
            Set<Map.Entry<Term, K>> matchedHere = new java.util.HashSet<>();
            for (String form : tokens.get(i).forms()) {
                for (Map.Entry<Term, K> candidate : byFirstForm.getOrDefault(form, List.of())) {
                    Term term = candidate.getKey();
                    if (matchedHere.contains(candidate) || !term.matchesAt(tokens, i)) {
                        continue;
                    }
                    matchedHere.add(candidate);
                    int n = term.words().size();
                    hits.add(new Hit<>(candidate.getValue(), term, i, n, tokens.get(i).start(), tokens.get(i + n - 1).end()));
                }
            }
        }
        // Fully ordered: two entries can match the same words ("love", "lovely"), and which one counts must
        // not depend on hash order, which differs from one JVM to the next.
        hits.sort(java.util.Comparator.<Hit<K>>comparingInt(Hit::firstToken)
                .thenComparing(h -> -h.tokenCount())
                .thenComparing(h -> h.term().text())
                .thenComparing(h -> String.valueOf(h.key())));
        return hits;
    }
}
