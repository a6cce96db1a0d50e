package io.gridpulse.streams.counts;

import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.counts.EventHourRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Distinct events per kind, area and hour, counted in full for event_hours. */
class EventHourCountsTest {
    static final Instant NINE = Instant.parse("2026-11-23T01:00:00Z");
    static final String GRID = "439901001001001";

    private static KeyedOneInputStreamOperatorTestHarness<String, EventHour, EventHourRow> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new EventHourCounts(Duration.ofDays(3), Duration.ofMillis(200))), EventHour::key, Types.STRING);
    }

    static EventRow event(String kind, Instant at, String grid) {
        return new EventRow("e-" + at.toEpochMilli() + kind + grid, kind, at, at, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{}");
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, EventHour, EventHourRow> h, long[] clock,
                             EventRow... rows) throws Exception {
        for (var row : rows) {
            h.processElement(new StreamRecord<>(EventHour.of(row), row.occurredAt().toEpochMilli()));
            clock[0] += 200;
            h.setProcessingTime(clock[0]);
        }
    }

    @Test
    void eachEventRaisesItsHoursFullCountAndALateOneItsOwnHour() throws Exception {
        try (var h = harness()) {
            h.open();
            var clock = new long[1];
            send(h, clock, event("visit", NINE.plusSeconds(59 * 60), GRID), event("visit", NINE.plusSeconds(5), GRID),
                    event("demand.created", NINE.plusSeconds(10), GRID), event("visit", NINE.plusSeconds(3600), GRID),
                    event("visit", NINE.plusSeconds(20), "439901001001002"),
                    // uploaded hours late: it still counts in 09:00
                    event("visit", NINE.plusSeconds(30), GRID));
            assertThat(h.extractOutputValues()).extracting(r -> r.hour() + " " + r.gridCode() + " " + r.kind() + " " + r.events())
                    .containsExactly(
                            NINE + " " + GRID + " visit 1",
                            NINE + " " + GRID + " visit 2",
                            NINE + " " + GRID + " demand.created 1",
                            NINE.plusSeconds(3600) + " " + GRID + " visit 1",
                            NINE + " 439901001001002 visit 1",
                            NINE + " " + GRID + " visit 3");
            assertThat(h.extractOutputValues().getFirst().streetCode()).isEqualTo("439901001");
        }
    }

    @Test
    void aBusyHourIsWrittenOncePerIntervalWithItsLatestCount() throws Exception {
        try (var h = harness()) {
            h.open();
            for (int i = 0; i < 50; i++) {
                h.processElement(new StreamRecord<>(EventHour.of(event("telemetry", NINE.plusSeconds(i), GRID))));
            }
            h.setProcessingTime(200);
            assertThat(h.extractOutputValues()).extracting(EventHourRow::events).containsExactly(50L);
        }
    }

    @Test
    void aRestoredCountGoesOnFromTheCheckpointSoAReplayRewritesTheSameCounts() throws Exception {
        OperatorSubtaskState snapshot;
        List<Long> before;
        var clock = new long[1];
        try (var h = harness()) {
            h.open();
            send(h, clock, event("visit", NINE.plusSeconds(1), GRID), event("visit", NINE.plusSeconds(2), GRID));
            snapshot = h.snapshot(1, clock[0]);
            send(h, clock, event("visit", NINE.plusSeconds(3), GRID));
            before = h.extractOutputValues().stream().map(EventHourRow::events).toList();
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            // the event after the checkpoint is replayed
            send(h, clock, event("visit", NINE.plusSeconds(3), GRID));
            assertThat(h.extractOutputValues()).extracting(EventHourRow::events).containsExactly(3L);
        }
        assertThat(before).containsExactly(1L, 2L, 3L);
    }
}
