package io.gridpulse.model.json;

import io.gridpulse.model.event.WireNamed;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Enum constants on the wire: their {@link WireNamed} name, else the lower_snake constant name. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return constant instanceof WireNamed named ? named.wireName() : constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        for (var constant : type.getEnumConstants()) {
            if (of(constant).equals(wire)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static String list(Class<? extends Enum<?>> type) {
        return Stream.of(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }
}
