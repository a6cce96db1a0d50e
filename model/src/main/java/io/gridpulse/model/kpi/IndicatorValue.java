package io.gridpulse.model.kpi;

import java.util.Objects;

/**
 * One indicator's value for an area and period, with how many cases it rests on ({@code n}); the value
 * is null when nothing was measured (n = 0, or the data it needs is not collected), and then
 * {@code note} says why.
 */
public record IndicatorValue(Indicator indicator, Double value, long n, String note) {

    public IndicatorValue {
        Objects.requireNonNull(indicator, "indicator");
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(indicator.code() + ": the value must be finite, got " + value);
        }
        if (n < 0) {
            throw new IllegalArgumentException(indicator.code() + ": n must not be negative");
        }
    }

    public static IndicatorValue measured(Indicator indicator, double value, long n) {
        return new IndicatorValue(indicator, value, n, null);
    }

    public static IndicatorValue unmeasured(Indicator indicator, String why) {
        return new IndicatorValue(indicator, null, 0, why);
    }

    /** Whether the value meets the target; false when nothing was measured. */
    public boolean onTarget() {
        return value != null && indicator.meets(value);
    }
}
