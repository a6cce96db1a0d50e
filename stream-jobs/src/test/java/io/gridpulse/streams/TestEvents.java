package io.gridpulse.streams;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.streams.raw.DecodeEvents;
import io.gridpulse.warehouse.EventRow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Events and their rows for operator tests, as DecodeEvents would make them. */
public final class TestEvents {
    public static final String GRID = "439901002003004";

    private TestEvents() {}

    public static Envelope envelope(String eventId, Instant at, String gridCode) {
        return new Envelope(eventId, at, ZoneOffset.ofHours(8), "terminal-7", Placement.of(AreaCode.of(gridCode)));
    }

    public static final Instant AT = Instant.parse("2026-11-23T01:30:15Z");

    /** A wristband's telemetry in {@link #GRID} at {@link #AT}. */
    public static Telemetry telemetry(String id, boolean sos, DeviceStatus status) {
        return new Telemetry(envelope(id, AT, GRID), "w-1", DeviceType.WRISTBAND, 80, 90.0, sos, status, null, null, null);
    }

    /** A QR-scan rating of a case in {@link #GRID} at {@link #AT}. */
    public static Feedback feedback(String id, Rating rating) {
        return new Feedback(envelope(id, AT, GRID), rating, Map.of(), FeedbackChannel.QR_SCAN,
                new FeedbackTarget(TargetType.CASE, "c-1"), null);
    }

    /** The row of an event placed by its grid code, with no point. */
    public static EventRow row(Event event) {
        var grid = event.gridCode().orElseThrow().value();
        var json = DecodeEvents.lenientCodec().encodeToString(event);
        if (!(DecodeEvents.lenientCodec().decode(json) instanceof io.gridpulse.model.json.Decoded.Valid)) {
            throw new IllegalArgumentException("the test event does not decode: " + DecodeEvents.lenientCodec().decode(json));
        }
        return new EventRow(event.eventId(), event.kind().wireName(), event.occurredAt(), event.occurredAt().plusSeconds(1),
                event.source(), grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6), null, null,
                json);
    }
}
