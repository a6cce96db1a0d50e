package io.gridpulse.model.alerts;

import io.gridpulse.model.event.WireNamed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is, least urgent first: the natural order of the constants compares them. */
public enum Severity implements WireNamed {
    INFO, WARNING, MAJOR, CRITICAL;

    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(Severity::wireName).toList();

    @Override
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity with this wire name, if any. */
    public static Optional<Severity> fromWire(String name) {
        for (var severity : values()) {
            if (severity.wireName().equals(name)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    /** The severity with this wire name; an {@link IllegalArgumentException} naming the severities if there is none. */
    public static Severity of(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                "no severity \"" + name + "\"; the severities are " + WIRE_NAMES));
    }

    /** Every wire name, least urgent first. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}
