package org.responsepolicy.evaluation;

import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.facts.Reach;

/** The author's reach by the brand's thresholds, with the figures that put them there. */
final class ReachLevel {

    private ReachLevel() {
    }

    static Reach of(MentionInput mention, BrandSettings settings) {
        MentionInput.Author a = mention.author();
        long followers = a == null || a.followers() == null ? 0 : a.followers();
        boolean verified = a != null && Boolean.TRUE.equals(a.verified());
        BrandSettings.ReachThresholds t = settings.reach();
        String level = followers >= t.veryLarge() ? "very-large" : followers >= t.large() ? "large" : "ordinary";
        String evidence = "author has " + followers + " followers";
        if (!level.equals("ordinary")) {
            evidence += "; " + level + " reach starts at " + (level.equals("large") ? t.large() : t.veryLarge());
        }
        if (verified && Reach.LEVELS.indexOf(t.verifiedCountsAs()) > Reach.LEVELS.indexOf(level)) {
            level = t.verifiedCountsAs();
            evidence += "; a verified account counts as " + level + " reach";
        } else if (verified) {
            evidence += ", verified";
        }
        return new Reach(level, followers, verified, evidence + " (" + settings.source() + ")");
    }
}
