package io.gridpulse.warehouse.satisfaction;

import java.time.Instant;
import java.util.Objects;

/**
 * One feedback event in {@code gridpulse.ratings}, anonymised: where and when it was given, its
 * overall score in [0,1] and its per-dimension scores (null when the resident did not rate that
 * dimension).
 */
public record RatingRow(String eventId, Instant ratedAt, String countyCode, String streetCode, String communityCode,
                        String gridCode, String channel, String targetType, double score, Double transparency,
                        Double convenience, Double efficiency) {

    public RatingRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ratedAt, "ratedAt");
        countyCode = Objects.requireNonNullElse(countyCode, "");
        streetCode = Objects.requireNonNullElse(streetCode, "");
        communityCode = Objects.requireNonNullElse(communityCode, "");
        gridCode = Objects.requireNonNullElse(gridCode, "");
        channel = Objects.requireNonNullElse(channel, "");
        targetType = Objects.requireNonNullElse(targetType, "");
        checkScore(score, "score");
        if (transparency != null) {
            checkScore(transparency, "transparency");
        }
        if (convenience != null) {
            checkScore(convenience, "convenience");
        }
        if (efficiency != null) {
            checkScore(efficiency, "efficiency");
        }
    }

    private static void checkScore(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a score in [0, 1], got " + value);
        }
    }
}
