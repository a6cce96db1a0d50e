package io.gridpulse.streams.raw;

import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.warehouse.DeadLetterRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeEventsTest {
    private OneInputStreamOperatorTestHarness<LoggedEvent, EventRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeEvents(RegionSource.demo()));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aValidEventBecomesARowWithTheAreaLineageOfItsGrid() throws Exception {
        var json = """
                {"eventId":"evt-00000001","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                 "source":"terminal-7","gridCode":"439901002003004","caseId":"c-1","channel":"hotline_12345",
                 "demandType":"employment"}""";
        harness.processElement(logged(json, 1_700_000_000_000L), 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo("evt-00000001");
            assertThat(row.kind()).isEqualTo("demand.created");
            assertThat(row.occurredAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
            assertThat(row.ingestedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
            assertThat(row.gridCode()).isEqualTo("439901002003004");
            assertThat(row.communityCode()).isEqualTo("439901002003");
            assertThat(row.streetCode()).isEqualTo("439901002");
            assertThat(row.countyCode()).isEqualTo("439901");
            assertThat(row.payload()).isEqualTo(json);
        });
        assertThat(harness.getSideOutput(DecodeEvents.DEAD_LETTERS)).isNull();
    }

    @Test
    void anEventPlacedAtAStreetHasNoGridOrCommunity() throws Exception {
        var json = """
                {"eventId":"evt-00000002","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                 "source":"terminal-7","gridCode":"439901002","caseId":"c-2","channel":"app","demandType":"employment"}""";
        harness.processElement(logged(json, 0), 0);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
            assertThat(row.streetCode()).isEqualTo("439901002");
            assertThat(row.communityCode()).isEmpty();
            assertThat(row.gridCode()).isEmpty();
        });
    }

    @Test
    void anEventFromLongAgoIsStillDecodedOnReplay() throws Exception {
        var json = """
                {"eventId":"evt-00000003","kind":"demand.created","occurredAt":"2019-01-01T09:30:00+08:00",
                 "source":"terminal-7","gridCode":"439901002","caseId":"c-3","channel":"app","demandType":"employment"}""";
        harness.processElement(logged(json, 0), 0);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void whatCannotBeDecodedBecomesADeadLetterWithItsReason() throws Exception {
        harness.processElement(logged("{\"eventId\":\"evt-00000004\",\"kind\":\"nonsense\"}", 5), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        var dead = harness.getSideOutput(DecodeEvents.DEAD_LETTERS);
        assertThat(dead).singleElement().satisfies(record -> {
            DeadLetterRow row = record.getValue();
            assertThat(row.reason()).contains("/kind");
            assertThat(row.payload()).contains("nonsense");
        });
    }

    @Test
    void anEventWithOnlyAPointIsPlacedInTheGridAroundIt() throws Exception {
        var c = io.gridpulse.geo.region.Region.demo().geometry(io.gridpulse.model.area.AreaCode.of("439901002003004"))
                .orElseThrow().getInteriorPoint().getCoordinate();
        var json = """
                {"eventId":"evt-00000005","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                 "source":"app-1","point":{"lon":%s,"lat":%s,"crs":"WGS84"},"caseId":"c-5","channel":"app","demandType":"employment"}"""
                .formatted(c.x, c.y);
        harness.processElement(logged(json, 0), 0);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
            assertThat(row.gridCode()).isEqualTo("439901002003004");
            assertThat(row.countyCode()).isEqualTo("439901");
            assertThat(row.lon()).isEqualTo(c.x);
        });
    }

    @Test
    void anEventThatCannotBePlacedBecomesADeadLetterWithItsIdAndReason() throws Exception {
        var json = """
                {"eventId":"evt-00000006","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                 "source":"app-1","point":{"lon":116.397,"lat":39.909,"crs":"WGS84"},"caseId":"c-6","channel":"app","demandType":"employment"}""";
        harness.processElement(logged(json, 9), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(DecodeEvents.DEAD_LETTERS)).singleElement().satisfies(record -> {
            DeadLetterRow row = record.getValue();
            assertThat(row.eventId()).isEqualTo("evt-00000006");
            assertThat(row.source()).isEqualTo("app-1");
            assertThat(row.reason()).contains("outside every area");
            assertThat(row.payload()).isEqualTo(json);
        });
    }

    @Test
    void telemetryOutsideTheRegionIsKeptInNoAreaSoThatItsSosStillCounts() throws Exception {
        var json = """
                {"eventId":"evt-00000007","kind":"telemetry","occurredAt":"2026-11-23T09:30:00+08:00",
                 "source":"wristband-1","point":{"lon":116.397,"lat":39.909,"crs":"WGS84"},"deviceId":"w-1",
                 "deviceType":"wristband","sos":true}""";
        harness.processElement(logged(json, 9), 0);
        assertThat(harness.getSideOutput(DecodeEvents.DEAD_LETTERS)).isNull();
        assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("telemetry");
            assertThat(row.countyCode()).isEmpty();
            assertThat(row.gridCode()).isEmpty();
            assertThat(row.lon()).isEqualTo(116.397);
        });
    }

    @Test
    void aCountysOwnRegionFilePlacesItsEventsAndRefusesTheDemoRegions() throws Exception {
        var county = RegionSource.of(Path.of("..", "docs", "examples", "county-region.geojson"));
        try (var own = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeEvents(county))) {
            own.processElement(logged("""
                    {"eventId":"evt-00000008","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                     "source":"app-1","point":{"lon":113.18,"lat":28.05,"crs":"WGS84"},"caseId":"c-8","channel":"app","demandType":"employment"}""", 9), 0);
            own.processElement(logged("""
                    {"eventId":"evt-00000009","kind":"demand.created","occurredAt":"2026-11-23T09:30:00+08:00",
                     "source":"app-1","gridCode":"439901002003004","caseId":"c-9","channel":"app","demandType":"employment"}""", 9), 0);
            assertThat(own.extractOutputValues()).singleElement().satisfies(row -> {
                assertThat(row.eventId()).isEqualTo("evt-00000008");
                assertThat(row.gridCode()).isEqualTo("439902001001002");
                assertThat(row.countyCode()).isEqualTo("439902");
            });
            assertThat(own.getSideOutput(DecodeEvents.DEAD_LETTERS)).singleElement()
                    .satisfies(record -> assertThat(record.getValue().eventId()).isEqualTo("evt-00000009"));
        }
    }

    private static LoggedEvent logged(String json, long at) {
        return new LoggedEvent(json.getBytes(StandardCharsets.UTF_8), at);
    }
}
