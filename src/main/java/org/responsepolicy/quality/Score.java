package org.responsepolicy.quality;

/** Counts for one label; precision and recall are 1 when there was nothing to find and nothing was found. */
public record Score(int truePositives, int falsePositives, int falseNegatives) {

    public static final Score ZERO = new Score(0, 0, 0);

    public Score plus(Score o) {
        return new Score(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }

    public Score add(boolean expected, boolean found) {
        return plus(new Score(expected && found ? 1 : 0, !expected && found ? 1 : 0, expected && !found ? 1 : 0));
    }

    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 1.0 : (double) truePositives / found;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    /** How many labelled occurrences there were: a score over few is a weak claim. */
    public int support() {
        return truePositives + falseNegatives;
    }
}
