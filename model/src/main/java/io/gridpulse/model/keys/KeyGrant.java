package io.gridpulse.model.keys;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one API key may do: its rights, the areas it may write and read (empty: the whole region),
 * the event kinds it may send (empty: all), and its rate limit in events (or read requests) per second.
 *
 * @param client          who holds the key (a terminal, device or integration), named in logs and metrics
 * @param rights          what the key may do
 * @param areas           the areas the key is limited to; empty for the whole region
 * @param kinds           the event kinds the key may send; empty for all kinds
 * @param perSecond       sustained events (or read requests) per second
 * @param burst           how many may come at once above the sustained rate
 */
public record KeyGrant(String client, Set<Right> rights, List<AreaCode> areas, Set<EventKind> kinds,
                       double perSecond, int burst) {

    /** The rate a key gets unless configured: generous enough for a gateway of many terminals. */
    public static final double DEFAULT_PER_SECOND = 20_000;
    public static final int DEFAULT_BURST = 40_000;

    public KeyGrant {
        Objects.requireNonNull(client, "client");
        if (client.isBlank()) {
            throw new IllegalArgumentException("a key's client must be named");
        }
        rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
        areas = List.copyOf(areas);
        kinds = Set.copyOf(kinds);
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("key " + client + ": the rate and the burst must be positive");
        }
    }

    /** A key that may do everything everywhere, at the default rate: the demo key and legacy GP_API_KEYS entries. */
    public static KeyGrant unrestricted(String client) {
        return new KeyGrant(client, EnumSet.allOf(Right.class), List.of(), Set.of(), DEFAULT_PER_SECOND, DEFAULT_BURST);
    }

    public boolean has(Right right) {
        return rights.contains(right);
    }

    /** Whether the key is limited to some areas rather than the whole region. */
    public boolean isAreaScoped() {
        return !areas.isEmpty();
    }

    /** Whether the key may write or read this area (an area inside one of its areas counts). */
    public boolean covers(AreaCode area) {
        return areas.isEmpty() || areas.stream().anyMatch(scope -> scope.contains(area));
    }

    public boolean allows(EventKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
