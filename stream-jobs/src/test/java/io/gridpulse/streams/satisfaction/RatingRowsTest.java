package io.gridpulse.streams.satisfaction;

import io.gridpulse.model.event.Dimension;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.FeedbackChannel;
import io.gridpulse.model.event.FeedbackTarget;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.satisfaction.RatingRow;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.gridpulse.streams.TestEvents.GRID;
import static io.gridpulse.streams.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

class RatingRowsTest {

    @Test
    void feedbackBecomesScoresPerDimensionWithoutItsTextAndOtherKindsAreSkipped() throws Exception {
        var at = Instant.parse("2026-11-23T01:00:00Z");
        var feedback = new Feedback(envelope("evt-f0001", at, GRID), Rating.stars(4),
                Map.of(Dimension.TRANSPARENCY, Rating.stars(5), Dimension.EFFICIENCY, Rating.bad()),
                FeedbackChannel.PHONE_FOLLOW_UP, new FeedbackTarget(TargetType.TICKET, "evt-t0001"), "窗口态度很好");
        try (OneInputStreamOperatorTestHarness<EventRow, RatingRow> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new RatingRows())) {
            harness.processElement(TestEvents.row(feedback), 0);
            harness.processElement(TestEvents.row(TestEvents.telemetry("evt-t0001", true, null)), 0);
            assertThat(harness.extractOutputValues()).containsExactly(new RatingRow("evt-f0001", at, "439901", "439901002",
                    "439901002003", GRID, "phone_follow_up", "ticket", 0.75, 1.0, null, 0.0));
        }
    }
}
