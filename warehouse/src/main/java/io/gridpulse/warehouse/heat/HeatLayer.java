package io.gridpulse.warehouse.heat;

import java.util.Optional;

/**
 * A layer of the heatmap, with the name stored in {@code heat_minutes.layer}. Each layer counts
 * events of its own kind; the row's subject says what more precisely (the demand type, the visit
 * type, the ticket stage, sos/fault/the detection type, good/bad).
 */
public enum HeatLayer {
    /** Demands filed (demand.created), subject: the demand type. */
    DEMAND("demand"),
    /** Household visits, subject: the visit type. */
    VISIT("visit"),
    /** Service-hall tickets, subject: the ticket stage (hall load is the issued tickets). */
    TICKET("ticket"),
    /** SOS presses, device faults and detections, subject: sos, fault or the detection type. */
    ALARM("alarm"),
    /** Satisfaction ratings, subject: good (score at least 0.5) or bad. */
    RATING("rating");

    private final String wireName;

    HeatLayer(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in the table and used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The layer with this stored name, if any. */
    public static Optional<HeatLayer> fromWire(String name) {
        for (var layer : values()) {
            if (layer.wireName.equals(name)) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }
}
