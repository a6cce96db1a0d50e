package io.gridpulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.model.Samples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventKindTest {

    @Test
    void wireNamesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::wireName)).containsExactly(
                "visit", "demand.created", "demand.classified", "demand.assigned", "demand.responded",
                "demand.resolved", "demand.closed", "demand.reopened", "demand.escalated", "demand.whistle",
                "ticket", "feedback", "telemetry", "plaque", "detection");
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void everyKindIsFoundByItsWireName(EventKind kind) {
        assertThat(EventKind.fromWire(kind.wireName())).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VISIT", "demand", "demand.Created", "DEMAND_CREATED", "visits"})
    void unknownWireNamesAreEmpty(String name) {
        assertThat(EventKind.fromWire(name)).isEmpty();
    }

    @Test
    void nullWireNameIsEmpty() {
        assertThat(EventKind.fromWire(null)).isEmpty();
    }

    @Test
    void onlyDemandStepsAreDemands() {
        assertThat(Arrays.stream(EventKind.values()).filter(EventKind::isDemand)).hasSize(9)
                .allSatisfy(k -> assertThat(k.wireName()).startsWith("demand."));
    }

    @Test
    void everySampleReportsItsOwnKindAndDemandEventsAreTheDemandKinds() {
        var samples = Samples.oneOfEachKind();
        assertThat(samples).extracting(Event::kind).containsExactly(EventKind.values());
        assertThat(samples).allSatisfy(e -> assertThat(e instanceof DemandEvent).isEqualTo(e.kind().isDemand()));
    }

    @Test
    void crsWireNamesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(Crs.values()).map(Crs::wireName))
                .containsExactly("WGS84", "GCJ-02", "BD-09", "CGCS2000");
        assertThat(Crs.fromWire("GCJ-02")).contains(Crs.GCJ02);
        assertThat(Crs.fromWire("GCJ02")).isEmpty();
        assertThat(Crs.fromWire("wgs84")).isEmpty();
    }
}
