package org.responsepolicy.evaluation;

import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.facts.AuthorHistory;

/** Judges an author's history by the brand's thresholds: advocate, repeated complaints, and why. */
public final class AuthorHistories {

    private AuthorHistories() {
    }

    /**
     * @param earlierPositives     the author's positive mentions within the advocate period, this one excluded
     * @param negativeRecently     whether they posted anything negative within the advocate's quiet period
     * @param unresolvedComplaints their complaints within the repeat period with nothing positive since
     * @param sentiment            this mention's sentiment
     */
    public static AuthorHistory judge(int earlierPositives, boolean negativeRecently, int unresolvedComplaints,
                                      String sentiment, BrandSettings settings) {
        BrandSettings.AdvocateThresholds adv = settings.advocates();
        BrandSettings.RepeatComplaintThresholds rep = settings.repeatComplaints();
        boolean positive = "positive".equals(sentiment);
        int positives = earlierPositives + (positive ? 1 : 0);
        boolean advocate = positive && positives >= adv.positiveMentions() && !negativeRecently;
        boolean repeated = "negative".equals(sentiment) && unresolvedComplaints >= rep.complaints();
        String evidence;
        if (advocate) {
            evidence = ordinal(positives) + " positive mention by this author in " + BrandSettings.words(adv.within())
                    + ", nothing negative in " + BrandSettings.words(adv.noNegativeWithin()) + " (" + settings.source() + ")";
        } else if (repeated) {
            evidence = ordinal(unresolvedComplaints + 1) + " complaint by this author in " + BrandSettings.words(rep.within())
                    + ", nothing positive since (" + settings.source() + ")";
        } else {
            evidence = positives + " positive mention(s) by this author in " + BrandSettings.words(adv.within()) + "; "
                    + unresolvedComplaints + " earlier unresolved complaint(s) in " + BrandSettings.words(rep.within());
        }
        return new AuthorHistory(positives, unresolvedComplaints, advocate, repeated, evidence);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return n + suffix;
    }
}
