package io.gridpulse.streams.raw;

import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import io.gridpulse.model.json.Problem;
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
 * Decodes logged events into rows; what cannot be decoded goes to the dead-letter side output
 * with its reason, never silently away. Time limits are relaxed here: ingest already judged the
 * event's age when it arrived, and a replay of old history must not turn valid events into dead letters.
 */
public final class DecodeEvents extends ProcessFunction<LoggedEvent, EventRow> {
    public static final OutputTag<DeadLetterRow> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient EventCodec codec;

    @Override
    public void open(OpenContext openContext) {
        codec = lenientCodec();
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
            case Decoded.Valid(var event) -> out.collect(EventRows.of(event, json, loggedAt));
            case Decoded.Invalid(var problems) -> ctx.output(DEAD_LETTERS,
                    new DeadLetterRow("", loggedAt, "", describe(problems), json));
        }
    }

    private static String describe(java.util.List<Problem> problems) {
        return problems.stream().map(p -> p.pointer() + " " + p.reason()).collect(Collectors.joining("; "));
    }
}
