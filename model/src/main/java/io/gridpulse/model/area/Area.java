package io.gridpulse.model.area;

import java.util.Objects;

/**
 * A named node of the area hierarchy; {@code nameEn} may be null when no English name is known.
 */
public record Area(AreaCode code, String name, String nameEn) {

    public Area {
        Objects.requireNonNull(code, "code");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("area " + code + " must have a name");
        }
    }

    /** The level of this area. */
    /** The name to show in a language: the English one when asked for and known, else the Chinese one. */
    public String displayName(boolean english) {
        return english && nameEn != null ? nameEn : name;
    }

    public AreaLevel level() {
        return code.level();
    }
}
