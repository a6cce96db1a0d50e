package io.gridpulse.model.kpi;

/**
 * The satisfaction index of {@code docs/domain.md} §4: an area's mean score shrunk toward its parent's
 * mean so that a handful of ratings cannot top or bottom a ranking:
 * {@code S = 100 * (n * mean + m * parentMean) / (n + m)}, with prior weight {@code m} (default 20).
 */
public final class SatisfactionIndex {
    /** The default prior weight. */
    public static final double DEFAULT_PRIOR_WEIGHT = 20;
    /** Below this in a quarter an area must rectify ({@code 000} §4.4). */
    public static final double RECTIFY_BELOW = 80;

    private SatisfactionIndex() {}

    /**
     * @param n          ratings in the area
     * @param mean       their mean score in [0, 1] (ignored when n is 0)
     * @param parentMean the parent area's mean score in [0, 1]
     * @param m          the prior weight, positive
     * @return the index in [0, 100]
     */
    public static double of(long n, double mean, double parentMean, double m) {
        if (n < 0 || !(m > 0)) {
            throw new IllegalArgumentException("n must not be negative and m must be positive");
        }
        if (mean < 0 || mean > 1 || parentMean < 0 || parentMean > 1) {
            throw new IllegalArgumentException("means are scores in [0, 1]");
        }
        return 100 * (n * mean + m * parentMean) / (n + m);
    }
}
