package io.gridpulse.streams.visits;

import io.gridpulse.streams.TestEvents;
import io.gridpulse.streams.VisitObligationsEventTimeTest;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VisitStepsTest {

    @Test
    void aVisitBecomesAStepOfItsHouseholdAtItsEventTimeAndOtherKindsAreLeftOut() throws Exception {
        var at = Instant.parse("2026-11-25T02:00:00Z");
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new VisitSteps()))) {
            harness.open();
            harness.processElement(new StreamRecord<>(TestEvents.row(VisitObligationsEventTimeTest.visit("evt-visit-000001", "hh-9", at))));
            harness.processElement(new StreamRecord<>(TestEvents.row(TestEvents.telemetry("evt-tele-000001", false, null))));
            assertThat(harness.extractOutputValues()).containsExactly(new VisitStep("hh-9", "evt-visit-000001", at, true));
        }
    }
}
