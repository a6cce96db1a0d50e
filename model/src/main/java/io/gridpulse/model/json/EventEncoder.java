package io.gridpulse.model.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.event.DemandAssigned;
import io.gridpulse.model.event.DemandClassified;
import io.gridpulse.model.event.DemandClosed;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEscalated;
import io.gridpulse.model.event.DemandReopened;
import io.gridpulse.model.event.DemandResolved;
import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.Detection;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.WhistleRaised;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/** Writes an event as the flat JSON object of the wire format, leaving out null members. */
final class EventEncoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventEncoder() {
    }

    static ObjectNode encode(Event event) {
        var o = NODES.objectNode();
        var envelope = event.envelope();
        o.put("eventId", envelope.eventId());
        o.put("kind", event.kind().wireName());
        o.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(envelope.localOccurredAt()));
        o.put("source", envelope.source());
        var placement = envelope.placement();
        if (placement.areaCode() != null) {
            o.put("gridCode", placement.areaCode().value());
        }
        if (placement.point() != null) {
            var p = o.putObject("point");
            p.put("lon", placement.point().lon());
            p.put("lat", placement.point().lat());
            p.put("crs", placement.point().crs().wireName());
        }
        switch (event) {
            case HouseholdVisit v -> {
                o.put("visitorId", v.visitorId());
                o.put("householdId", v.householdId());
                put(o, "visitType", v.visitType());
                o.put("durationMinutes", v.durationMinutes());
                if (!v.groups().isEmpty()) {
                    var groups = o.putArray("groups");
                    v.groups().stream().sorted(Comparator.naturalOrder()).forEach(g -> groups.add(WireNames.of(g)));
                }
                if (!v.demands().isEmpty()) {
                    var demands = o.putArray("demands");
                    for (var d : v.demands()) {
                        var item = demands.addObject();
                        item.put("type", d.type());
                        put(item, "description", d.description());
                        put(item, "demandClass", d.demandClass());
                        put(item, "caseId", d.caseId());
                    }
                }
                put(o, "notes", v.notes());
                resident(o, v.resident());
            }
            case DemandCreated d -> {
                o.put("caseId", d.caseId());
                put(o, "channel", d.channel());
                o.put("demandType", d.demandType());
                put(o, "demandClass", d.demandClass());
                put(o, "description", d.description());
                resident(o, d.resident());
            }
            case DemandClassified d -> {
                o.put("caseId", d.caseId());
                o.put("demandType", d.demandType());
                put(o, "demandClass", d.demandClass());
                put(o, "by", d.by());
            }
            case DemandAssigned d -> {
                o.put("caseId", d.caseId());
                o.put("firstReceiver", d.firstReceiver());
                o.put("leadUnit", d.leadUnit());
                put(o, "department", d.department());
            }
            case DemandResponded d -> step(o, d.caseId(), d.by(), d.note());
            case DemandResolved d -> step(o, d.caseId(), d.by(), d.note());
            case DemandClosed d -> step(o, d.caseId(), d.by(), d.note());
            case DemandReopened d -> {
                o.put("caseId", d.caseId());
                o.put("reason", d.reason());
                put(o, "by", d.by());
            }
            case DemandEscalated d -> {
                o.put("caseId", d.caseId());
                put(o, "toLevel", d.toLevel());
                o.put("reason", d.reason());
                put(o, "by", d.by());
            }
            case WhistleRaised w -> {
                o.put("caseId", w.caseId());
                var departments = o.putArray("departments");
                w.departments().forEach(departments::add);
                put(o, "reason", w.reason());
                put(o, "by", w.by());
            }
            case HallTicket t -> {
                o.put("ticketId", t.ticketId());
                o.put("hallId", t.hallId());
                put(o, "stage", t.stage());
                put(o, "windowId", t.windowId());
                put(o, "serviceItem", t.serviceItem());
                o.put("oneVisit", t.oneVisit());
                o.put("assisted", t.assisted());
                put(o, "group", t.group());
            }
            case Feedback f -> {
                rating(o, "rating", f.rating());
                if (!f.dimensions().isEmpty()) {
                    var dimensions = o.putObject("dimensions");
                    f.orderedDimensions().forEach((dimension, r) -> rating(dimensions, WireNames.of(dimension), r));
                }
                put(o, "channel", f.channel());
                var target = o.putObject("target");
                put(target, "type", f.target().type());
                target.put("id", f.target().id());
                put(o, "text", f.text());
            }
            case Telemetry t -> {
                o.put("deviceId", t.deviceId());
                put(o, "deviceType", t.deviceType());
                if (t.heartRate() != null) {
                    o.put("heartRate", t.heartRate());
                }
                if (t.batteryPercent() != null) {
                    o.put("batteryPercent", t.batteryPercent());
                }
                o.put("sos", t.sos());
                put(o, "status", t.status());
                put(o, "fault", t.fault());
                if (t.footfall() != null) {
                    o.put("footfall", t.footfall());
                }
                if (t.queueLength() != null) {
                    o.put("queueLength", t.queueLength());
                }
            }
            case PlaqueEvent p -> {
                o.put("plaqueId", p.plaqueId());
                put(o, "subjectType", p.subjectType());
                put(o, "action", p.action());
                put(o, "scanMethod", p.scanMethod());
            }
            case Detection d -> {
                o.put("sensorId", d.sensorId());
                put(o, "sensorType", d.sensorType());
                o.put("detectionType", d.detectionType());
                if (d.confidence() != null) {
                    o.put("confidence", d.confidence());
                }
            }
        }
        return o;
    }

    private static void step(ObjectNode o, String caseId, String by, String note) {
        o.put("caseId", caseId);
        o.put("by", by);
        put(o, "note", note);
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void put(ObjectNode o, String name, Enum<?> value) {
        if (value != null) {
            o.put(name, WireNames.of(value));
        }
    }

    private static void rating(ObjectNode o, String name, Rating rating) {
        switch (rating) {
            case Rating.Stars s -> o.put(name, s.stars());
            case Rating.Verdict v -> o.put(name, v.good() ? "good" : "bad");
        }
    }

    private static void resident(ObjectNode o, ResidentRef resident) {
        switch (resident) {
            case null -> { }
            case ResidentRef.Identified id -> {
                var r = o.putObject("resident");
                put(r, "idNumber", id.idNumber());
                put(r, "phone", id.phone());
            }
            case ResidentRef.Pseudonym p -> o.putObject("resident").put("ref", p.value());
        }
    }
}
