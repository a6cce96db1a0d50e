package io.gridpulse.model.event;

import java.util.Objects;

/** Argument checks shared by the event records' compact constructors. */
final class Checks {

    private Checks() {
    }

    static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    static void range(Number value, double min, double max, String name) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
