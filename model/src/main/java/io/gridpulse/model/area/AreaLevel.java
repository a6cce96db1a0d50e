package io.gridpulse.model.area;

import java.util.Optional;

/**
 * A level of the administrative hierarchy, from province down to grid, with the length of its
 * statistical division code (province 2 digits, prefecture 4, county 6, street 9, community 12,
 * grid 15).
 */
public enum AreaLevel {
    PROVINCE(2),
    CITY(4),
    COUNTY(6),
    STREET(9),
    COMMUNITY(12),
    GRID(15);

    private final int codeLength;

    AreaLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** The number of digits of a code at this level. */
    public int codeLength() {
        return codeLength;
    }

    /** The level whose codes have this many digits, if any. */
    public static Optional<AreaLevel> ofCodeLength(int length) {
        for (var level : values()) {
            if (level.codeLength == length) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level above this one; empty for the province. */
    public Optional<AreaLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }
}
