package io.gridpulse.streams.hall;

import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.TicketStage;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.gridpulse.streams.TestEvents.GRID;
import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

class TicketStepsTest {

    @Test
    void hallTicketsBecomeStepsKeyedByHallAndTicketAndOtherKindsAreSkipped() throws Exception {
        var at = Instant.parse("2026-11-23T01:00:00Z");
        var ticket = new HallTicket(envelope("evt-h0001", at, GRID), "tk-1", "hall-1", TicketStage.SERVED, "w-2", null, true,
                false, null);
        try (OneInputStreamOperatorTestHarness<EventRow, TicketStep> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new TicketSteps())) {
            harness.processElement(TestEvents.row(ticket), 0);
            harness.processElement(TestEvents.row(TestEvents.feedback("evt-f0001", io.gridpulse.model.event.Rating.good())), 0);
            assertThat(harness.extractOutputValues()).singleElement().satisfies(step -> {
                assertThat(step).isEqualTo(new TicketStep("hall-1", "tk-1", "served", "w-2", "", "evt-h0001", at, GRID,
                        "439901002003", "439901002", "439901"));
                assertThat(step.ticketKey()).isEqualTo("hall-1/tk-1");
            });
        }
    }
}
