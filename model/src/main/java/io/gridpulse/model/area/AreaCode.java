package io.gridpulse.model.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statistical division code (2, 4, 6, 9, 12 digits for province to community, 15 for a grid):
 * every code is a prefix of the codes of the areas inside it.
 */
public record AreaCode(String value) implements Comparable<AreaCode> {

    public AreaCode {
        if (value == null) {
            throw new IllegalArgumentException("area code must not be null");
        }
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("area code must be 2, 4, 6, 9, 12 or 15 digits "
                    + "(province, city, county, street, community, grid), got \"" + value + "\"");
        }
    }

    /** The code with this value; throws {@link IllegalArgumentException} if it is not one. */
    public static AreaCode of(String value) {
        return new AreaCode(value);
    }

    /** The code with this value, or empty if it is null or not a valid code. */
    public static Optional<AreaCode> parse(String value) {
        return value != null && isWellFormed(value) ? Optional.of(new AreaCode(value)) : Optional.empty();
    }

    private static boolean isWellFormed(String value) {
        if (AreaLevel.ofCodeLength(value.length()).isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The level of this code, read from its length. */
    public AreaLevel level() {
        return AreaLevel.ofCodeLength(value.length()).orElseThrow();
    }

    /** The code of the enclosing area; empty for a province. */
    public Optional<AreaCode> parent() {
        return level().parent().map(this::at);
    }

    /**
     * The ancestor (or self) at the given level.
     *
     * @throws IllegalArgumentException if the level is below this code's own level
     */
    public AreaCode at(AreaLevel level) {
        var own = level();
        if (level.compareTo(own) > 0) {
            throw new IllegalArgumentException(
                    "area " + value + " is at level " + own + ", it has no ancestor at level " + level);
        }
        return level == own ? this : new AreaCode(value.substring(0, level.codeLength()));
    }

    /** Whether the other area is this area or lies inside it. */
    public boolean contains(AreaCode other) {
        return other.value.startsWith(value);
    }

    /** The codes from the province down to this one: root first, self last. */
    public List<AreaCode> lineage() {
        var own = level();
        var lineage = new ArrayList<AreaCode>(own.ordinal() + 1);
        for (var level : AreaLevel.values()) {
            if (level.compareTo(own) > 0) {
                break;
            }
            lineage.add(at(level));
        }
        return List.copyOf(lineage);
    }

    @Override
    public int compareTo(AreaCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
