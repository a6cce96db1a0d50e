package io.gridpulse.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.DemandAssigned;
import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.event.DemandClassified;
import io.gridpulse.model.event.DemandClosed;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEscalated;
import io.gridpulse.model.event.DemandReopened;
import io.gridpulse.model.event.DemandResolved;
import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.Detection;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Dimension;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.GeoPoint;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.PlaqueAction;
import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.event.PlaqueSubjectType;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.RaisedDemand;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.ScanMethod;
import io.gridpulse.model.event.SensorType;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.TicketStage;
import io.gridpulse.model.event.VisitType;
import io.gridpulse.model.event.WhistleRaised;
import io.gridpulse.model.privacy.ResidentIdentifiers;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Turns one JSON object into an event, collecting every problem on the way. */
final class EventDecoder {

    static final String EXAMPLE_TIME = "2026-11-23T09:30:00+08:00";
    private static final Pattern PSEUDONYM = Pattern.compile("r_[a-z2-7]{26}");

    private final Clock clock;
    private final Limits limits;
    private final TextRule line;
    private final TextRule free;

    EventDecoder(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.line = TextRule.line(limits);
        this.free = TextRule.free(limits);
    }

    Decoded decode(JsonNode document) {
        var problems = new ArrayList<Problem>();
        if (!(document instanceof ObjectNode root)) {
            problems.add(new Problem("", "must be a JSON object, got " + describe(document)));
            return new Decoded.Invalid(problems);
        }
        var m = new Members(root, "", problems, limits);
        schema(m);
        var eventId = m.text("eventId", true, TextRule.EVENT_ID);
        var kind = kind(m);
        var occurredAt = occurredAt(m);
        var source = m.text("source", true, TextRule.SOURCE);
        var placement = placement(m);
        Supplier<Envelope> envelope = () -> new Envelope(eventId, occurredAt.toInstant(), occurredAt.getOffset(),
                source, placement);
        if (kind == null) {
            // without a kind the other members cannot be judged, so only the common ones are reported
            return new Decoded.Invalid(problems);
        }
        Supplier<Event> event = switch (kind) {
            case VISIT -> visit(m, envelope);
            case DEMAND_CREATED -> demandCreated(m, envelope);
            case DEMAND_CLASSIFIED -> demandClassified(m, envelope);
            case DEMAND_ASSIGNED -> demandAssigned(m, envelope);
            case DEMAND_RESPONDED -> {
                var step = demandStep(m);
                yield () -> new DemandResponded(envelope.get(), step.caseId, step.by, step.note);
            }
            case DEMAND_RESOLVED -> {
                var step = demandStep(m);
                yield () -> new DemandResolved(envelope.get(), step.caseId, step.by, step.note);
            }
            case DEMAND_CLOSED -> {
                var step = demandStep(m);
                yield () -> new DemandClosed(envelope.get(), step.caseId, step.by, step.note);
            }
            case DEMAND_REOPENED -> demandReopened(m, envelope);
            case DEMAND_ESCALATED -> demandEscalated(m, envelope);
            case DEMAND_WHISTLE -> whistle(m, envelope);
            case TICKET -> ticket(m, envelope);
            case FEEDBACK -> feedback(m, envelope);
            case TELEMETRY -> telemetry(m, envelope);
            case PLAQUE -> plaque(m, envelope);
            case DETECTION -> detection(m, envelope);
        };
        m.rejectUnknown();
        if (!problems.isEmpty()) {
            return new Decoded.Invalid(problems);
        }
        try {
            return new Decoded.Valid(event.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            // the rules above mirror the records' invariants; this is a safety net, not a path
            return new Decoded.Invalid(List.of(new Problem("", "is not a valid event: " + e.getMessage())));
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "an empty document";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static void schema(Members m) {
        var schema = m.raw("schema", false);
        if (schema != null && !(schema.isIntegralNumber() && schema.canConvertToInt() && schema.intValue() == 1)) {
            m.problem("schema", "must be 1, the only schema version (or be left out)");
        }
    }

    private static EventKind kind(Members m) {
        var value = m.raw("kind", true);
        if (value == null) {
            return null;
        }
        var kind = value.isTextual() ? EventKind.fromWire(value.textValue()) : java.util.Optional.<EventKind>empty();
        if (kind.isEmpty()) {
            m.problem("kind", "must be one of: " + WireNames.list(EventKind.class));
            return null;
        }
        return kind.get();
    }

    private OffsetDateTime occurredAt(Members m) {
        var value = m.raw("occurredAt", true);
        if (value == null) {
            return null;
        }
        var expected = "must be an ISO-8601 timestamp with offset, e.g. " + EXAMPLE_TIME;
        if (!value.isTextual()) {
            m.problem("occurredAt", expected);
            return null;
        }
        var text = value.textValue();
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            m.problem("occurredAt", hasNoOffset(text) ? "has no offset; " + expected : expected);
            return null;
        }
        var now = clock.instant();
        if (time.toInstant().isAfter(now.plus(limits.maxFutureSkew()))) {
            m.problem("occurredAt", "must not be more than " + human(limits.maxFutureSkew())
                    + " ahead of the server clock (" + now + "); check the device clock");
            return null;
        }
        if (time.toInstant().isBefore(now.minus(limits.maxAge()))) {
            m.problem("occurredAt", "must not be more than " + human(limits.maxAge()) + " in the past");
            return null;
        }
        return time;
    }

    private static boolean hasNoOffset(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String human(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + " seconds";
    }

    private static Placement placement(Members m) {
        boolean hasGrid = m.has("gridCode");
        boolean hasPoint = m.has("point");
        var gridText = m.text("gridCode", false, TextRule.ID);
        AreaCode grid = null;
        if (gridText != null) {
            grid = AreaCode.parse(gridText).orElse(null);
            if (grid == null) {
                m.problem("gridCode", "must be an area code of 2, 4, 6, 9, 12 or 15 digits, e.g. 430281001001001");
            }
        }
        GeoPoint point = null;
        var p = m.object("point", false);
        if (p != null) {
            var lon = p.number("lon", true, -180, 180);
            var lat = p.number("lat", true, -90, 90);
            var crs = crs(p);
            p.rejectUnknown();
            if (lon != null && lat != null && crs != null) {
                point = new GeoPoint(lon, lat, crs);
            }
        }
        if (!hasGrid && !hasPoint) {
            m.problem("gridCode", "is required unless a point is given");
            return null;
        }
        return grid == null && point == null ? null : new Placement(grid, point);
    }

    private static Crs crs(Members p) {
        var value = p.raw("crs", false);
        if (value == null) {
            return Crs.WGS84;
        }
        var crs = value.isTextual() ? Crs.fromWire(value.textValue()) : java.util.Optional.<Crs>empty();
        if (crs.isEmpty()) {
            p.problem("crs", "must be one of: " + WireNames.list(Crs.class));
            return null;
        }
        return crs.get();
    }

    private ResidentRef resident(Members m) {
        var r = m.object("resident", false);
        if (r == null) {
            return null;
        }
        boolean hasRef = r.has("ref");
        boolean hasIdentifiers = r.has("idNumber") || r.has("phone");
        ResidentRef resident = null;
        if (hasRef && hasIdentifiers) {
            r.problemHere("must carry either a ref or an idNumber and/or phone, not both");
        } else if (hasRef) {
            var ref = r.text("ref", true, TextRule.ID);
            if (ref != null && !PSEUDONYM.matcher(ref).matches()) {
                r.problem("ref", "must be a pseudonym: r_ followed by 26 lowercase base32 characters");
            } else if (ref != null) {
                resident = new ResidentRef.Pseudonym(ref);
            }
        } else if (hasIdentifiers) {
            var idNumber = r.text("idNumber", false, TextRule.RESIDENT_IDENTIFIER);
            if (idNumber != null && !ResidentIdentifiers.isValidIdNumber(idNumber)) {
                r.problem("idNumber", "must be an 18-character resident ID number with a valid check digit (GB 11643)");
                idNumber = null;
            }
            var phone = r.text("phone", false, TextRule.RESIDENT_IDENTIFIER);
            if (phone != null && !ResidentIdentifiers.isValidPhone(phone)) {
                r.problem("phone", "must be a mainland mobile number such as 13812345678 (optionally +86) "
                        + "or a landline with its area code such as 0731-23456789");
                phone = null;
            }
            if (idNumber != null || phone != null) {
                resident = new ResidentRef.Identified(idNumber, phone);
            }
        } else {
            r.problemHere("must have an idNumber or a phone (or a ref once pseudonymised)");
        }
        r.allow("ref");
        r.allow("idNumber");
        r.allow("phone");
        r.rejectUnknown();
        return resident;
    }

    private Supplier<Event> visit(Members m, Supplier<Envelope> envelope) {
        var visitorId = m.text("visitorId", true, TextRule.ID);
        var householdId = m.text("householdId", true, TextRule.ID);
        var visitType = m.choice("visitType", true, VisitType.class);
        var duration = m.integer("durationMinutes", true, 0, 1440);
        var groups = m.choices("groups", false, PopulationGroup.class);
        var items = m.objects("demands", false);
        var demands = new ArrayList<RaisedDemand>();
        if (items != null) {
            for (var item : items) {
                if (item == null) {
                    continue;
                }
                var type = item.text("type", true, TextRule.CODE);
                var description = item.text("description", false, free);
                var demandClass = item.choice("demandClass", false, DemandClass.class);
                var caseId = item.text("caseId", false, TextRule.ID);
                item.rejectUnknown();
                if (type != null) {
                    demands.add(new RaisedDemand(type, description, demandClass, caseId));
                }
            }
        }
        var notes = m.text("notes", false, free);
        var resident = resident(m);
        return () -> new HouseholdVisit(envelope.get(), visitorId, householdId, visitType, duration, groups,
                demands, notes, resident);
    }

    private Supplier<Event> demandCreated(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var channel = m.choice("channel", true, DemandChannel.class);
        var demandType = m.text("demandType", true, TextRule.CODE);
        var demandClass = m.choice("demandClass", false, DemandClass.class);
        var description = m.text("description", false, free);
        var resident = resident(m);
        return () -> new DemandCreated(envelope.get(), caseId, channel, demandType, demandClass, description, resident);
    }

    private Supplier<Event> demandClassified(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var demandType = m.text("demandType", true, TextRule.CODE);
        var demandClass = m.choice("demandClass", true, DemandClass.class);
        var by = m.text("by", false, TextRule.ID);
        return () -> new DemandClassified(envelope.get(), caseId, demandType, demandClass, by);
    }

    private Supplier<Event> demandAssigned(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var firstReceiver = m.text("firstReceiver", true, line);
        var leadUnit = m.text("leadUnit", true, line);
        var department = m.text("department", false, line);
        return () -> new DemandAssigned(envelope.get(), caseId, firstReceiver, leadUnit, department);
    }

    private record Step(String caseId, String by, String note) {
    }

    private Step demandStep(Members m) {
        return new Step(m.text("caseId", true, TextRule.ID), m.text("by", true, TextRule.ID),
                m.text("note", false, free));
    }

    private Supplier<Event> demandReopened(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var reason = m.text("reason", true, free);
        var by = m.text("by", false, TextRule.ID);
        return () -> new DemandReopened(envelope.get(), caseId, reason, by);
    }

    private Supplier<Event> demandEscalated(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var toLevel = m.choice("toLevel", true, AreaLevel.class);
        var reason = m.text("reason", true, free);
        var by = m.text("by", false, TextRule.ID);
        return () -> new DemandEscalated(envelope.get(), caseId, toLevel, reason, by);
    }

    private Supplier<Event> whistle(Members m, Supplier<Envelope> envelope) {
        var caseId = m.text("caseId", true, TextRule.ID);
        var departments = m.texts("departments", true, line);
        if (departments != null && departments.isEmpty()) {
            m.problem("departments", "must name at least one department");
        }
        var reason = m.text("reason", false, free);
        var by = m.text("by", false, TextRule.ID);
        return () -> new WhistleRaised(envelope.get(), caseId, departments, reason, by);
    }

    private Supplier<Event> ticket(Members m, Supplier<Envelope> envelope) {
        var ticketId = m.text("ticketId", true, TextRule.ID);
        var hallId = m.text("hallId", true, TextRule.ID);
        var stage = m.choice("stage", true, TicketStage.class);
        var windowId = m.text("windowId", false, TextRule.ID);
        var serviceItem = m.text("serviceItem", false, line);
        var oneVisit = m.flag("oneVisit");
        var assisted = m.flag("assisted");
        var group = m.choice("group", false, PopulationGroup.class);
        return () -> new HallTicket(envelope.get(), ticketId, hallId, stage, windowId, serviceItem, oneVisit, assisted,
                group);
    }

    private Supplier<Event> feedback(Members m, Supplier<Envelope> envelope) {
        var rating = rating(m, "rating", true);
        Map<Dimension, Rating> dimensions = new EnumMap<>(Dimension.class);
        var d = m.object("dimensions", false);
        if (d != null) {
            for (var dimension : Dimension.values()) {
                var r = rating(d, WireNames.of(dimension), false);
                if (r != null) {
                    dimensions.put(dimension, r);
                }
            }
            d.rejectUnknown();
        }
        var channel = m.choice("channel", true, FeedbackChannel.class);
        var t = m.object("target", true);
        FeedbackTarget target = null;
        if (t != null) {
            var type = t.choice("type", true, TargetType.class);
            var id = t.text("id", true, TextRule.ID);
            t.rejectUnknown();
            if (type != null && id != null) {
                target = new FeedbackTarget(type, id);
            }
        }
        var text = m.text("text", false, free);
        var finalTarget = target;
        return () -> new Feedback(envelope.get(), rating, dimensions, channel, finalTarget, text);
    }

    /** A rating is 1 to 5 stars as a number, or "good" / "bad". */
    private static Rating rating(Members m, String name, boolean required) {
        var value = m.raw(name, required);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 1 && value.intValue() <= 5) {
            return Rating.stars(value.intValue());
        }
        if (value.isTextual() && value.textValue().equals("good")) {
            return Rating.good();
        }
        if (value.isTextual() && value.textValue().equals("bad")) {
            return Rating.bad();
        }
        m.problem(name, "must be a whole number of stars from 1 to 5, or \"good\" or \"bad\"");
        return null;
    }

    private Supplier<Event> telemetry(Members m, Supplier<Envelope> envelope) {
        var deviceId = m.text("deviceId", true, TextRule.ID);
        var deviceType = m.choice("deviceType", true, DeviceType.class);
        var heartRate = m.integer("heartRate", false, 20, 250);
        var battery = m.number("batteryPercent", false, 0, 100);
        var sos = m.flag("sos");
        var status = m.choice("status", false, DeviceStatus.class);
        var fault = m.text("fault", false, line);
        var footfall = m.integer("footfall", false, 0, Integer.MAX_VALUE);
        var queueLength = m.integer("queueLength", false, 0, Integer.MAX_VALUE);
        return () -> new Telemetry(envelope.get(), deviceId, deviceType, heartRate, battery, sos, status, fault,
                footfall, queueLength);
    }

    private Supplier<Event> plaque(Members m, Supplier<Envelope> envelope) {
        var plaqueId = m.text("plaqueId", true, TextRule.ID);
        var subjectType = m.choice("subjectType", true, PlaqueSubjectType.class);
        var action = m.choice("action", true, PlaqueAction.class);
        var scanMethod = m.choice("scanMethod", false, ScanMethod.class);
        return () -> new PlaqueEvent(envelope.get(), plaqueId, subjectType, action, scanMethod);
    }

    private Supplier<Event> detection(Members m, Supplier<Envelope> envelope) {
        var sensorId = m.text("sensorId", true, TextRule.ID);
        var sensorType = m.choice("sensorType", true, SensorType.class);
        var detectionType = m.text("detectionType", true, TextRule.CODE);
        var confidence = m.number("confidence", false, 0, 1);
        return () -> new Detection(envelope.get(), sensorId, sensorType, detectionType, confidence);
    }
}
