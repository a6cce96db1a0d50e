package io.gridpulse.streams.raw;

import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FirstSeenOnlyTest {
    private KeyedOneInputStreamOperatorTestHarness<String, EventRow, EventRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new FirstSeenOnly(Duration.ofDays(1)), EventRow::eventId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void theFirstCopyOfAnEventPassesAndLaterCopiesDoNot() throws Exception {
        harness.processElement(new StreamRecord<>(row("a"), 1));
        harness.processElement(new StreamRecord<>(row("b"), 2));
        harness.processElement(new StreamRecord<>(row("a"), 3));
        assertThat(harness.extractOutputValues()).extracting(EventRow::eventId).containsExactly("a", "b");
    }

    @Test
    void whatWasSeenSurvivesASnapshotAndRestore() throws Exception {
        harness.processElement(new StreamRecord<>(row("a"), 1));
        var snapshot = harness.snapshot(1, 10);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FirstSeenOnly(Duration.ofDays(1))), EventRow::eventId, Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(new StreamRecord<>(row("a"), 2));
        harness.processElement(new StreamRecord<>(row("c"), 3));
        assertThat(harness.extractOutputValues()).extracting(EventRow::eventId).containsExactly("c");
    }

    static EventRow row(String id) {
        return new EventRow(id, "demand.created", Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T01:00:01Z"),
                "t-1", "439901001001001", "439901001001", "439901001", "439901", null, null, "{}");
    }
}
