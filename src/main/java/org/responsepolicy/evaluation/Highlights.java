package org.responsepolicy.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a decision's evidence stands in its masked text, so a reader sees what the server saw: the masked
 * personal data, and every occurrence of the words that revealed a topic or an intent. Positions are UTF-16
 * indexes into {@link Decision#maskedText()} (as Java and JavaScript count). Sorted by start, the longer first;
 * any two lie apart or one inside the other, so they can be drawn as nested marks.
 */
public final class Highlights {

    /** @param kind personal_data, topic or intent; @param label its type or id */
    public record Highlight(int start, int end, String kind, String label, String text) {
    }

    private Highlights() {
    }

    public static List<Highlight> of(Decision decision) {
        String text = decision.maskedText();
        List<Highlight> found = new ArrayList<>(personalData(decision));
        for (Decision.TopicView topic : decision.analysis().topics()) {
            topic.evidence().forEach(words -> found.addAll(occurrences(text, words, "topic", topic.id())));
        }
        for (Decision.IntentView intent : decision.analysis().intents()) {
            intent.evidence().forEach(words -> found.addAll(occurrences(text, words, "intent", intent.id())));
        }
        // Personal data first, then longer spans: a span that would cut across one already kept is left out, so
        // every two kept either lie apart or one inside the other ("kartę" inside "Zablokowaliście mi kartę").
        found.sort(Comparator.comparingInt((Highlight h) -> rank(h.kind())).thenComparingInt(h -> h.start() - h.end())
                .thenComparingInt(Highlight::start));
        List<Highlight> kept = new ArrayList<>();
        for (Highlight h : found) {
            if (!kept.contains(h) && kept.stream().allMatch(k -> apart(h, k) || inside(h, k) || inside(k, h))) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Highlight::start).thenComparing(Comparator.comparingInt(Highlight::end)
                .reversed()).thenComparingInt(h -> rank(h.kind())));
        return kept;
    }

    private static boolean apart(Highlight a, Highlight b) {
        return a.end() <= b.start() || b.end() <= a.start();
    }

    private static boolean inside(Highlight inner, Highlight outer) {
        return outer.start() <= inner.start() && inner.end() <= outer.end();
    }

    /**
     * The analysis reports personal data by its place in the text as sent; a mask may be shorter or longer than
     * what it hides, so each place in the masked text is shifted by the masks before it.
     */
    private static List<Highlight> personalData(Decision decision) {
        List<Decision.PersonalDataView> data = new ArrayList<>(decision.analysis().personalData());
        data.sort(Comparator.comparingInt(Decision.PersonalDataView::start));
        String text = decision.maskedText();
        List<Highlight> out = new ArrayList<>();
        int shift = 0;
        for (Decision.PersonalDataView p : data) {
            int start = p.start() + shift;
            int end = start + p.maskedValue().length();
            if (start >= 0 && end <= text.length() && text.startsWith(p.maskedValue(), start)) {
                out.add(new Highlight(start, end, "personal_data", p.type(), p.maskedValue()));
            } else {
                // Not where the offsets say (a decision re-evaluated from masked text): find the mask itself.
                out.addAll(occurrences(text, p.maskedValue(), "personal_data", p.type()));
            }
            shift += p.maskedValue().length() - (p.end() - p.start());
        }
        return out;
    }

    /** Whole-word occurrences, ignoring case; a mark such as "?" or an emoji needs no word boundary. */
    private static List<Highlight> occurrences(String text, String words, String kind, String label) {
        List<Highlight> out = new ArrayList<>();
        if (words == null || words.isEmpty()) {
            return out;
        }
        boolean wordLike = Character.isLetterOrDigit(words.codePointAt(0));
        for (int i = indexOfIgnoreCase(text, words, 0); i >= 0; i = indexOfIgnoreCase(text, words, i + 1)) {
            int end = i + words.length();
            if (!wordLike || (!wordCharBefore(text, i) && !wordCharAt(text, end))) {
                out.add(new Highlight(i, end, kind, label, text.substring(i, end)));
            }
        }
        return out;
    }

    private static int indexOfIgnoreCase(String text, String words, int from) {
        for (int i = from; i + words.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, words, 0, words.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wordCharBefore(String text, int index) {
        return index > 0 && Character.isLetterOrDigit(text.codePointBefore(index));
    }

    private static boolean wordCharAt(String text, int index) {
        return index < text.length() && Character.isLetterOrDigit(text.codePointAt(index));
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "personal_data" -> 0;
            case "topic" -> 1;
            default -> 2;
        };
    }
}
