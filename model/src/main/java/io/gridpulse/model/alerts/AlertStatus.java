package io.gridpulse.model.alerts;

import io.gridpulse.model.event.WireNamed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where an alert stands: open until the case (or device) moves on, then cleared. */
public enum AlertStatus implements WireNamed {
    OPEN, CLEARED;

    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(AlertStatus::wireName).toList();

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if any. */
    public static Optional<AlertStatus> fromWire(String name) {
        for (var status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The status with this wire name; an {@link IllegalArgumentException} naming the statuses if there is none. */
    public static AlertStatus of(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                "no alert status \"" + name + "\"; the statuses are " + WIRE_NAMES));
    }

    /** Every wire name. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}
