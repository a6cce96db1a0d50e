package io.gridpulse.streams.raw;

import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import io.gridpulse.model.json.Problem;
import io.gridpulse.streams.place.Placed;
import io.gridpulse.streams.place.Placer;
import io.gridpulse.warehouse.DeadLetterRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Decodes logged events into rows and places them in the region (area lineage from the gridCode, or
 * point-in-polygon for a point); what cannot be decoded or placed goes to the dead-letter side
 * output with its reason, never silently away. Telemetry outside the region is kept, in no area:
 * device health (an SOS) must not depend on where the wearer is. Time limits are relaxed here: ingest already judged the
 * event's age when it arrived, and a replay of old history must not turn valid events into dead letters.
 */
public final class DecodeEvents extends ProcessFunction<LoggedEvent, EventRow> {
    public static final OutputTag<DeadLetterRow> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient EventCodec codec;
    private final RegionSource region;
    private transient Placer placer;

    /** Places events in this region (read once per task manager, from the bytes the job carries). */
    public DecodeEvents(RegionSource region) {
        this.region = java.util.Objects.requireNonNull(region, "region");
    }

    @Override
    public void open(OpenContext openContext) {
        codec = lenientCodec();
        placer = new Placer(region.region());
    }

    /** The codec for logged events: the model's rules, but no limit on age (ingest judged that on arrival). */
    public static EventCodec lenientCodec() {
        var lenient = Limits.defaults();
        return new EventCodec(Clock.systemUTC(), new Limits(lenient.maxStringLength(), lenient.maxDocumentBytes(),
                Duration.ofDays(365 * 100), Duration.ofDays(365 * 100), lenient.maxListSize()));
    }

    @Override
    public void processElement(LoggedEvent logged, Context ctx, Collector<EventRow> out) {
        var loggedAt = Instant.ofEpochMilli(logged.loggedAt());
        var json = new String(logged.json(), StandardCharsets.UTF_8);
        switch (codec.decode(logged.json())) {
            case Decoded.Valid(var event) -> {
                switch (placer.place(event.envelope().placement())) {
                    case Placed.At at -> out.collect(EventRows.of(event, json, loggedAt, at));
                    // a wristband outside the region still raises its SOS; it is simply in no area
                    case Placed.Nowhere nowhere when event instanceof Telemetry ->
                            out.collect(EventRows.of(event, json, loggedAt, nowhere.outsideTheRegion()));
                    case Placed.Nowhere nowhere -> ctx.output(DEAD_LETTERS,
                            new DeadLetterRow(event.eventId(), loggedAt, event.source(), nowhere.reason(), json));
                }
            }
            case Decoded.Invalid(var problems) -> ctx.output(DEAD_LETTERS,
                    new DeadLetterRow("", loggedAt, "", describe(problems), json));
        }
    }

    private static String describe(java.util.List<Problem> problems) {
        return problems.stream().map(p -> p.pointer() + " " + p.reason()).collect(Collectors.joining("; "));
    }
}
