package io.gridpulse.streams.heat;

import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.Rating;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.gridpulse.streams.TestEvents.GRID;
import static org.assertj.core.api.Assertions.assertThat;

class HeatHitsTest {
    private OneInputStreamOperatorTestHarness<EventRow, HeatHit> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new HeatHits(RegionSource.demo()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aHitFallsInTheMinuteOfItsEventTimeWithItsAreaAndTheCellOfItsGrid() throws Exception {
        harness.processElement(TestEvents.row(TestEvents.feedback("evt-f0001", Rating.good())), 0);
        var middle = Region.demo().geometry(AreaCode.of(GRID)).orElseThrow().getInteriorPoint().getCoordinate();
        assertThat(harness.extractOutputValues()).containsExactly(new HeatHit("rating", "good",
                Instant.parse("2026-11-23T01:30:00Z").toEpochMilli(), "439901", "439901002", "439901002003", GRID,
                HexCells.cell(middle.x, middle.y, 9)));
    }

    @Test
    void anEventWithAPointIsInThePointsCellAndEventsOnNoLayerLeaveNoHit() throws Exception {
        var row = TestEvents.row(TestEvents.telemetry("evt-t0001", true, DeviceStatus.ONLINE));
        var located = new EventRow(row.eventId(), row.kind(), row.occurredAt(), row.ingestedAt(), row.source(), row.gridCode(),
                row.communityCode(), row.streetCode(), row.countyCode(), 113.5, 27.6, row.payload());
        harness.processElement(located, 0);
        harness.processElement(TestEvents.row(TestEvents.telemetry("evt-t0002", false, DeviceStatus.ONLINE)), 0);
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(hit -> assertThat(hit.h3Cell()).isEqualTo(HexCells.cell(113.5, 27.6, 9)));
    }
}
