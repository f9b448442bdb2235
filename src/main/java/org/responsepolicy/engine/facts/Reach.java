package org.responsepolicy.engine.facts;

import java.util.List;

/**
 * How many people see the author's posts, by the brand's thresholds: {@code ordinary}, {@code large} or
 * {@code very-large}. Rules ask {@code Reach( reaches("large") )}, which very-large authors match too.
 *
 * @param evidence e.g. {@code author has 25000 followers; large reach starts at 10000 (brands/default.yaml)}
 */
public record Reach(String level, long followers, boolean verified, String evidence) {

    public static final List<String> LEVELS = List.of("ordinary", "large", "very-large");

    public Reach {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown reach level " + level);
        }
    }

    /** Whether the author's reach is at least {@code atLeast}. */
    public boolean reaches(String atLeast) {
        int wanted = LEVELS.indexOf(atLeast);
        if (wanted < 0) {
            throw new IllegalArgumentException("unknown reach level '" + atLeast + "'; use one of " + LEVELS);
        }
        return LEVELS.indexOf(level) >= wanted;
    }
}
