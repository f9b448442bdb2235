package org.responsepolicy.engine.facts;

/**
 * The mention as the policies see it: analysed, with personal data already masked.
 * Values are lower-case words so rules read naturally, e.g. {@code Mention( sentiment == "negative" )}.
 *
 * @param channel      twitter, facebook, instagram, youtube, tiktok, linkedin, forum, review or other
 * @param visibility   public or private
 * @param language     ISO 639-1 code of the text ({@code und} when it could not be told)
 * @param languageSupported whether the server reads this language (en, pl, uk, ru, hu); if not, a person must read it
 * @param sentiment    negative, neutral or positive
 * @param sentimentScore  -1 (most negative) .. 1 (most positive)
 * @param sentimentConfidence 0..1; 1 when the caller supplied the sentiment
 * @param sentimentSource caller or detected
 * @param text         the text with personal data masked
 */
public record Mention(
        String brand,
        String channel,
        String visibility,
        String language,
        boolean languageSupported,
        String sentiment,
        double sentimentScore,
        double sentimentConfidence,
        String sentimentSource,
        String text,
        long authorFollowers,
        boolean authorVerified) {

    /** Every channel a mention can come from. */
    public static final java.util.List<String> CHANNELS = java.util.List.of("twitter", "facebook", "instagram",
            "youtube", "tiktok", "linkedin", "forum", "review", "other");

    public boolean isPublic() {
        return "public".equals(visibility);
    }

    /** For reasons: who wrote it and where, e.g. {@code twitter, author with 12000 followers, verified}. */
    public String reachEvidence() {
        return channel + ", author with " + authorFollowers + " followers" + (authorVerified ? ", verified" : "");
    }

    /** A human-readable line for reasons, e.g. {@code sentiment negative (-0.62, detected)}. */
    public String sentimentEvidence() {
        return String.format(java.util.Locale.ROOT, "sentiment %s (%.2f, %s)", sentiment, sentimentScore, sentimentSource);
    }
}
