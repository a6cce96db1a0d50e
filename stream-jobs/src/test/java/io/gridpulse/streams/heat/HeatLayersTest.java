package io.gridpulse.streams.heat;

import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DeviceStatus;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.TicketStage;
import io.gridpulse.model.event.VisitType;
import io.gridpulse.warehouse.heat.HeatLayer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.gridpulse.streams.TestEvents.AT;
import static io.gridpulse.streams.TestEvents.GRID;
import static io.gridpulse.streams.TestEvents.feedback;
import static io.gridpulse.streams.TestEvents.telemetry;
import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

class HeatLayersTest {
    @Test
    void eachKindCountsInItsLayerWithItsSubject() {
        var demand = new DemandCreated(envelope("e1", AT, GRID), "c-1", DemandChannel.values()[0], "medical_insurance", null, null, null);
        var visit = new HouseholdVisit(envelope("e2", AT, GRID), "v-1", "h-1", VisitType.values()[0], 20, null, null, null, null);
        var ticket = new HallTicket(envelope("e3", AT, GRID), "t-1", "hall-1", TicketStage.ISSUED, null, null, false, false, null);

        assertThat(HeatLayers.of(demand)).containsExactly(new HeatLayers.Mark(HeatLayer.DEMAND, "medical_insurance"));
        assertThat(HeatLayers.of(visit)).containsExactly(
                new HeatLayers.Mark(HeatLayer.VISIT, VisitType.values()[0].name().toLowerCase(java.util.Locale.ROOT)));
        assertThat(HeatLayers.of(ticket)).containsExactly(new HeatLayers.Mark(HeatLayer.TICKET, "issued"));
    }

    @Test
    void ratingsAreGoodFromThreeStarsAndBadBelow() {
        assertThat(HeatLayers.of(feedback("f1", Rating.stars(3)))).containsExactly(new HeatLayers.Mark(HeatLayer.RATING, "good"));
        assertThat(HeatLayers.of(feedback("f2", Rating.stars(2)))).containsExactly(new HeatLayers.Mark(HeatLayer.RATING, "bad"));
        assertThat(HeatLayers.of(feedback("f3", Rating.bad()))).containsExactly(new HeatLayers.Mark(HeatLayer.RATING, "bad"));
    }

    @Test
    void onlyAlarmingTelemetryIsOnTheAlarmLayer() {
        assertThat(HeatLayers.of(telemetry("t1", false, DeviceStatus.ONLINE))).isEmpty();
        assertThat(HeatLayers.of(telemetry("t2", true, DeviceStatus.FAULT))).containsExactly(
                new HeatLayers.Mark(HeatLayer.ALARM, "sos"), new HeatLayers.Mark(HeatLayer.ALARM, "fault"));
    }
}
