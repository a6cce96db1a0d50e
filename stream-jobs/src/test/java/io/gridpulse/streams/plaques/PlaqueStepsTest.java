package io.gridpulse.streams.plaques;

import io.gridpulse.model.event.PlaqueAction;
import io.gridpulse.model.event.PlaqueEvent;
import io.gridpulse.model.event.PlaqueSubjectType;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.gridpulse.streams.TestEvents.GRID;
import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

class PlaqueStepsTest {

    @Test
    void plaqueEventsBecomeStepsWithTheirAreaAndOtherKindsAreSkipped() throws Exception {
        var at = Instant.parse("2026-11-23T01:00:00Z");
        var plaque = new PlaqueEvent(envelope("evt-p0001", at, GRID), "pl-1", PlaqueSubjectType.MERCHANT,
                PlaqueAction.SUBJECT_CHANGED, null);
        try (OneInputStreamOperatorTestHarness<EventRow, PlaqueStep> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new PlaqueSteps())) {
            harness.processElement(TestEvents.row(plaque), 0);
            harness.processElement(TestEvents.row(TestEvents.feedback("evt-f0001", io.gridpulse.model.event.Rating.good())), 0);
            assertThat(harness.extractOutputValues()).containsExactly(new PlaqueStep("pl-1", "subject_changed", "merchant",
                    "evt-p0001", at, GRID, "439901002003", "439901002", "439901"));
        }
    }
}
