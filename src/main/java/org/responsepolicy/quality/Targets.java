package org.responsepolicy.quality;

/** The quality the analysis must reach in every language (issue: "measured, not asserted"). */
public final class Targets {

    public static final double PERSONAL_DATA_PRECISION = 0.99;
    public static final double PERSONAL_DATA_RECALL = 0.99;
    public static final double REGULATED_TOPIC_PRECISION = 0.85;
    public static final double REGULATED_TOPIC_RECALL = 0.95;
    public static final double NEGATIVE_PRECISION = 0.80;
    public static final double NEGATIVE_RECALL = 0.90;

    private Targets() {
    }
}
