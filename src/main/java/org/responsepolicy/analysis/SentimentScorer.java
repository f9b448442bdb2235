package org.responsepolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * A word-list sentiment classifier: sums the weights of positive and negative words and emoji,
 * flips words after a negator ("nie polecam", "not good"), scales words after an intensifier, and
 * reads known sarcasm ("great, another outage") as negative. Immutable and thread-safe.
 */
final class SentimentScorer {

    /** "not good", "not very good": a negator reaches two words ("can't believe how bad" stays bad). */
    private static final int NEGATION_REACH = 2;
    /** "Love the app, but the fees are a rip-off": before a contrast word counts half, after it half again. */
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.5;
    private static final double LABEL_THRESHOLD = 0.2;
    /** Squashes the raw sum into -1..1 (as VADER does): one strong word gives about ±0.6. */
    private static final double SQUASH = 15.0;

    private final TermIndex<Double> words = new TermIndex<>(String::valueOf);
    private final TermIndex<String> modifiers = new TermIndex<>(String::valueOf);
    private final Map<String, Double> intensifiers;
    private final Map<String, Double> emoji;

    SentimentScorer(SentimentWords list, KnownForms forms, Map<String, Double> emoji) {
        this.emoji = emoji;
        this.intensifiers = list.intensifiers();
        list.positive().forEach((w, weight) -> words.add(Term.of(w, forms), Math.abs(weight)));
        list.negative().forEach((w, weight) -> words.add(Term.of(w, forms), -Math.abs(weight)));
        list.negators().forEach(w -> modifiers.add(Term.of(w, forms), "negator"));
        list.intensifiers().keySet().forEach(w -> modifiers.add(Term.of(w, forms), "intensifier:" + w));
        list.sarcasm().forEach(w -> modifiers.add(Term.of(w, forms), "sarcasm"));
        list.contrast().forEach(w -> modifiers.add(Term.of(w, forms), "contrast"));
    }

    /** Emoji-only scoring for languages without a word list. */
    static Sentiment emojiOnly(String text, Map<String, Double> emoji) {
        return toSentiment(emojiSum(text, emoji), countEmoji(text, emoji));
    }

    Sentiment score(String text, List<Token> tokens) {
        List<TermIndex.Hit<String>> mods = modifiers.find(tokens);
        boolean[] negated = new boolean[tokens.size()];
        double[] boost = new double[tokens.size()];
        java.util.Arrays.fill(boost, 1.0);
        boolean sarcasm = false;
        int lastContrast = -1;
        for (TermIndex.Hit<String> m : mods) {
            int after = m.firstToken() + m.tokenCount();
            if (m.key().equals("negator")) {
                for (int i = after; i < Math.min(after + NEGATION_REACH, tokens.size()); i++) {
                    if (endsClause(text, tokens.get(i - 1).end(), tokens.get(i).start())) {
                        break; // "nie polecam, skandal!": the negation ends at the comma
                    }
                    negated[i] = true;
                }
            } else if (m.key().startsWith("intensifier:") && after < tokens.size()) {
                boost[after] = intensifiers.getOrDefault(m.key().substring("intensifier:".length()), 1.0);
            } else if (m.key().equals("sarcasm")) {
                sarcasm = true;
            } else if (m.key().equals("contrast")) {
                lastContrast = Math.max(lastContrast, m.firstToken());
            }
        }
        double sum = 0;
        double positive = 0;
        int hitCount = 0;
        int coveredUntil = -1;
        for (TermIndex.Hit<Double> h : words.find(tokens)) {
            if (h.firstToken() <= coveredUntil) {
                continue; // a longer phrase already counted these words
            }
            coveredUntil = h.firstToken() + h.tokenCount() - 1;
            double w = h.key() * boost[h.firstToken()];
            if (lastContrast >= 0) {
                w *= h.firstToken() < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
            if (negated[h.firstToken()]) {
                w = -w * (w > 0 ? 1.0 : 0.5); // "not good" is bad; "not bad" is only mildly good
            }
            if (w > 0) {
                positive += w;
            }
            sum += w;
            hitCount++;
        }
        if (sarcasm) {
            // Praise around "another outage" is irony: count it against the brand.
            sum = sum - 2 * positive - 2;
            hitCount++;
        }
        sum += emojiSum(text, emoji);
        hitCount += countEmoji(text, emoji);
        return toSentiment(sum, hitCount);
    }

    private static boolean endsClause(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (".,;:!?()\n".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static double emojiSum(String text, Map<String, Double> emoji) {
        double sum = 0;
        for (Map.Entry<String, Double> e : emoji.entrySet()) {
            sum += occurrences(text, e.getKey()) * e.getValue();
        }
        return sum;
    }

    private static int countEmoji(String text, Map<String, Double> emoji) {
        int n = 0;
        for (String e : emoji.keySet()) {
            n += occurrences(text, e);
        }
        return n;
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static Sentiment toSentiment(double sum, int hits) {
        double score = sum / Math.sqrt(sum * sum + SQUASH);
        String label = score >= LABEL_THRESHOLD ? "positive" : score <= -LABEL_THRESHOLD ? "negative" : "neutral";
        // Few cues mean a guess; many consistent cues mean confidence.
        double confidence = hits == 0 ? 0.5 : Math.min(0.95, 0.4 + 0.3 * Math.abs(score) + 0.1 * hits);
        return new Sentiment(label, round(score), round(confidence), "detected");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
