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

    @Test
    void anotherEventUnderAnIdAlreadyUsedIsNotStoredButDeadLetteredAndCounted() throws Exception {
        // a key that guessed terminal t-1's next id sent first; t-1's own event comes second, with other content
        harness.processElement(new StreamRecord<>(row("a", "t-2", "{\"eventId\":\"a\",\"note\":\"forged\"}"), 1));
        harness.processElement(new StreamRecord<>(row("a", "t-1", "{\"eventId\":\"a\",\"note\":\"real\"}"), 2));
        harness.processElement(new StreamRecord<>(row("a", "t-2", "{\"eventId\":\"a\",\"note\":\"forged\"}"), 3));

        assertThat(harness.extractOutputValues()).extracting(EventRow::source).containsExactly("t-2");
        var conflicts = harness.getSideOutput(FirstSeenOnly.CONFLICTS);
        assertThat(conflicts).as("the resent copy is a retry; the other event is a conflict").hasSize(1);
        var letter = conflicts.peek().getValue();
        assertThat(letter.source()).isEqualTo("t-1");
        assertThat(letter.reason()).contains("already used for another event");
        assertThat(letter.payload()).contains("real");
    }

    @Test
    void idsSeenBeforeFingerprintsWereKeptStayPlainDuplicates() throws Exception {
        // a checkpoint of the job before this rule holds only the "seen" flag
        harness.processElement(new StreamRecord<>(row("a"), 1));
        harness.getOperator().setCurrentKey("a");
        var fingerprint = harness.getOperator().getKeyedStateBackend().getPartitionedState(
                org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                new org.apache.flink.api.common.state.ValueStateDescriptor<>("fingerprint", Long.class));
        fingerprint.clear();
        harness.processElement(new StreamRecord<>(row("a", "t-9", "{\"other\":1}"), 2));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.getSideOutput(FirstSeenOnly.CONFLICTS)).isNullOrEmpty();
    }

    static EventRow row(String id) {
        return row(id, "t-1", "{}");
    }

    static EventRow row(String id, String source, String payload) {
        return new EventRow(id, "demand.created", Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T01:00:01Z"),
                source, "439901001001001", "439901001001", "439901001", "439901", null, null, payload);
    }
}
