package org.responsepolicy.analysis;

/**
 * @param label      negative, neutral or positive
 * @param score      -1 … 1
 * @param confidence 0 … 1: how sure the classifier is (1 when the caller said so)
 * @param source     caller or detected
 */
public record Sentiment(String label, double score, double confidence, String source) {

    public static Sentiment fromCaller(String label, Double score) {
        double s = score != null ? score : switch (label) {
            case "negative" -> -1.0;
            case "positive" -> 1.0;
            default -> 0.0;
        };
        return new Sentiment(label, s, 1.0, "caller");
    }
}
