package io.gridpulse.warehouse.satisfaction;

import java.util.List;

/**
 * The satisfaction index (群眾滿意度) of an area for a period and one dimension: the mean score of
 * its {@code n} ratings shrunk toward its parent area's mean, {@code S = 100 * (n * mean + m *
 * parentMean) / (n + m)}, so that a handful of ratings cannot top or bottom a ranking.
 *
 * @param areaCode   the area
 * @param dimension  {@value #OVERALL}, transparency, convenience or efficiency
 * @param n          the ratings behind the index (report it beside the index)
 * @param mean       their mean score in [0,1]
 * @param parentMean the parent area's mean score over the same period and dimension
 * @param index      the shrunk index, 0 to 100
 */
public record SatisfactionIndex(String areaCode, String dimension, long n, double mean, double parentMean, double index) {

    /** The dimension name of the overall rating. */
    public static final String OVERALL = "overall";
    /** Every dimension, the overall one first. */
    public static final List<String> DIMENSIONS = List.of(OVERALL, "transparency", "convenience", "efficiency");
    /** The default prior weight {@code m}. */
    public static final int DEFAULT_PRIOR_WEIGHT = 20;

    /**
     * The index of {@code n} ratings with mean {@code mean}, shrunk toward {@code parentMean} with prior
     * weight {@code m} (positive): the model's formula, {@link io.gridpulse.model.kpi.SatisfactionIndex#of}.
     */
    public static double shrunk(long n, double mean, double parentMean, int m) {
        return io.gridpulse.model.kpi.SatisfactionIndex.of(n, mean, parentMean, m);
    }
}
