package io.gridpulse.streams.raw;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.DeadLetterRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;

/**
 * A demand case belongs where it was created (keyed by case id, over the deduplicated demand events, before they
 * are stored). The first {@code demand.created} of a case fixes its home; a later creation under the same id, or a
 * step placed outside the case's street, goes to the dead letters with the reason, so that a key for one street
 * cannot move, clear or re-home another street's case (the edge refuses what it can tell, this is the rule).
 *
 * <p>A step whose case has no home yet (its creation comes from another terminal or a later hotline export, or
 * from before this rule) is held for {@link #DEFAULT_HOLD} of processing time, so that a creation arriving a moment
 * after its step still judges it, and then let through unjudged.
 */
public final class CaseHomes extends KeyedProcessFunction<String, EventRow, EventRow> {
    /** Where the refused steps and second creations go. */
    public static final OutputTag<DeadLetterRow> REFUSED = new OutputTag<>("case-home-refusals") {};
    /** How long a step waits for its case's creation before it passes unjudged. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);
    /** How long a case's home is remembered after its last event (as long as the SLA clocks remember a case). */
    static final Duration REMEMBER = Duration.ofDays(180);
    private static final JsonFactory JSON = new JsonFactory();

    private final Duration hold;
    private transient ValueState<Home> home;
    private transient ListState<EventRow> held;
    private transient ValueState<Long> releaseAt;

    public CaseHomes(Duration hold) {
        this.hold = hold;
    }

    /** The case id of a demand event's row, read from its payload (empty if it names none). */
    public static String caseIdOf(EventRow row) {
        try (var parser = JSON.createParser(row.payload())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                var value = parser.nextToken();
                if (name.equals("caseId") && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event's payload is not JSON: " + row.eventId(), e);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        var remember = StateTtlConfig.newBuilder(REMEMBER).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
        var homeDescriptor = new ValueStateDescriptor<>("home", Home.class);
        homeDescriptor.enableTimeToLive(remember);
        home = getRuntimeContext().getState(homeDescriptor);
        held = getRuntimeContext().getListState(new ListStateDescriptor<>("held", EventRow.class));
        releaseAt = getRuntimeContext().getState(new ValueStateDescriptor<>("release-at", Long.class));
    }

    @Override
    public void processElement(EventRow row, Context ctx, Collector<EventRow> out) throws Exception {
        var created = home.value();
        if (row.kind().equals("demand.created")) {
            if (created == null) {
                var founded = new Home(row.eventId(), areaOf(row).value());
                home.update(founded);
                out.collect(row);
                release(founded, ctx, out);
            } else {
                ctx.output(REFUSED, refusal(row, "case " + ctx.getCurrentKey() + " was created already in "
                        + created.area() + " by event " + created.eventId() + "; a case is created once and stays where"
                        + " it was created"));
            }
            return;
        }
        if (created != null) {
            judge(row, created, ctx, out);
            return;
        }
        held.add(row);
        if (releaseAt.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + hold.toMillis();
            ctx.timerService().registerProcessingTimeTimer(at);
            releaseAt.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EventRow> out) throws Exception {
        for (var row : held.get()) {
            out.collect(row);
        }
        held.clear();
        releaseAt.clear();
    }

    /** The held steps of a case just created: judged against it now. */
    private void release(Home creation, Context ctx, Collector<EventRow> out) throws Exception {
        var waiting = new ArrayList<EventRow>();
        held.get().forEach(waiting::add);
        if (waiting.isEmpty()) {
            return;
        }
        for (var row : waiting) {
            judge(row, creation, ctx, out);
        }
        held.clear();
        var at = releaseAt.value();
        if (at != null) {
            ctx.timerService().deleteProcessingTimeTimer(at);
            releaseAt.clear();
        }
    }

    private void judge(EventRow step, Home creation, Context ctx, Collector<EventRow> out) {
        var homeArea = AreaCode.of(creation.area());
        var reach = homeArea.level().compareTo(AreaLevel.STREET) >= 0 ? homeArea.at(AreaLevel.STREET) : homeArea;
        var stepArea = areaOf(step);
        if (reach.contains(stepArea) || stepArea.contains(reach)) {
            out.collect(step);
        } else {
            ctx.output(REFUSED, refusal(step, "lies in " + stepArea + ", outside " + reach + " where case "
                    + ctx.getCurrentKey() + " belongs (created by event " + creation.eventId() + ")"));
        }
    }

    /**
     * Where a case was created: the creating event and the most precise area it was placed in.
     *
     * @param eventId the creating event
     * @param area    its area code
     */
    public record Home(String eventId, String area) {}

    /** The most precise area a stored row was placed in. */
    static AreaCode areaOf(EventRow row) {
        for (var code : new String[] {row.gridCode(), row.communityCode(), row.streetCode(), row.countyCode()}) {
            if (code != null && !code.isEmpty()) {
                return AreaCode.of(code);
            }
        }
        throw new IllegalArgumentException("event " + row.eventId() + " was placed in no area");
    }

    private static DeadLetterRow refusal(EventRow row, String reason) {
        return new DeadLetterRow(row.eventId(), row.ingestedAt(), row.source(), reason, row.payload());
    }
}
