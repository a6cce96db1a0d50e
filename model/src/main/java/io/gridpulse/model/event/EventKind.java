package io.gridpulse.model.event;

import java.util.Optional;

/** The kind of an event, as named in the {@code kind} member of its JSON. */
public enum EventKind implements WireNamed {
    VISIT("visit"),
    DEMAND_CREATED("demand.created"),
    DEMAND_CLASSIFIED("demand.classified"),
    DEMAND_ASSIGNED("demand.assigned"),
    DEMAND_RESPONDED("demand.responded"),
    DEMAND_RESOLVED("demand.resolved"),
    DEMAND_CLOSED("demand.closed"),
    DEMAND_REOPENED("demand.reopened"),
    DEMAND_ESCALATED("demand.escalated"),
    DEMAND_WHISTLE("demand.whistle"),
    TICKET("ticket"),
    FEEDBACK("feedback"),
    TELEMETRY("telemetry"),
    PLAQUE("plaque"),
    DETECTION("detection");

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Whether this kind is a step of a demand's lifecycle. */
    public boolean isDemand() {
        return wireName.startsWith("demand.");
    }

    /** The kind with this wire name, if any. */
    public static Optional<EventKind> fromWire(String name) {
        for (var kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
