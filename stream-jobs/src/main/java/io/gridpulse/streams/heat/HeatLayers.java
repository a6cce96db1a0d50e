package io.gridpulse.streams.heat;

import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.Detection;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.WireNamed;
import io.gridpulse.warehouse.heat.HeatLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which heat layers (and subjects) an event counts in; most events count in one layer, some in none. */
public final class HeatLayers {
    /** Ratings with a score below this are bad (差評: a bad verdict, one or two stars). */
    static final double GOOD_FROM = 0.5;

    private HeatLayers() {}

    /** A layer and the subject within it. */
    public record Mark(HeatLayer layer, String subject) {
    }

    public static List<Mark> of(Event event) {
        return switch (event) {
            case DemandCreated created -> List.of(new Mark(HeatLayer.DEMAND, created.demandType()));
            case HouseholdVisit visit -> List.of(new Mark(HeatLayer.VISIT, wire(visit.visitType())));
            case HallTicket ticket -> List.of(new Mark(HeatLayer.TICKET, wire(ticket.stage())));
            case Feedback feedback -> List.of(new Mark(HeatLayer.RATING,
                    feedback.rating().score() >= GOOD_FROM ? "good" : "bad"));
            case Detection detection -> List.of(new Mark(HeatLayer.ALARM, detection.detectionType()));
            case Telemetry telemetry -> {
                var marks = new ArrayList<Mark>(2);
                if (telemetry.sos()) {
                    marks.add(new Mark(HeatLayer.ALARM, "sos"));
                }
                if (telemetry.status() == DeviceStatus.FAULT) {
                    marks.add(new Mark(HeatLayer.ALARM, "fault"));
                }
                yield marks;
            }
            default -> List.of();
        };
    }

    private static String wire(Object value) {
        return value instanceof WireNamed named ? named.wireName() : value.toString().toLowerCase(Locale.ROOT);
    }
}
