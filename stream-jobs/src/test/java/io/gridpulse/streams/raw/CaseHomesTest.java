package io.gridpulse.streams.raw;

import io.gridpulse.warehouse.DeadLetterRow;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A case stays where it was created: steps from another street and second creations go to the dead letters. */
class CaseHomesTest {
    static final Duration HOLD = Duration.ofSeconds(30);
    /** 桃花镇 (street B) and 东城街道 (street A). */
    static final String GRID_B = "439901104002003";
    static final String OTHER_GRID_B = "439901104001001";
    static final String GRID_A = "439901001001001";
    private KeyedOneInputStreamOperatorTestHarness<String, EventRow, EventRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aCaseIdIsReadFromItsPayloadWhereverTheMemberStands() {
        assertThat(CaseHomes.caseIdOf(row("e", "demand.responded", GRID_A,
                "{\"eventId\":\"e\",\"point\":{\"lon\":1,\"lat\":2},\"caseId\":\"case-9\",\"by\":\"w\"}"))).isEqualTo("case-9");
        assertThat(CaseHomes.caseIdOf(row("e", "demand.responded", GRID_A, "{\"eventId\":\"e\"}"))).isEmpty();
    }

    @Test
    void stepsInTheCasesStreetPassAndAStepFromAnotherStreetIsADeadLetter() throws Exception {
        process(created("c1", GRID_B), step("s1", GRID_B), step("s2", OTHER_GRID_B), step("forged", GRID_A));
        assertThat(passed()).containsExactly("c1", "s1", "s2");
        assertThat(refused()).singleElement().satisfies(dead -> {
            assertThat(dead.eventId()).isEqualTo("forged");
            assertThat(dead.reason()).contains("outside 439901104").contains("case-b");
            assertThat(dead.payload()).isEqualTo(step("forged", GRID_A).payload());
        });
    }

    @Test
    void aSecondCreationUnderTheSameIdNeverReHomesTheCase() throws Exception {
        process(created("c1", GRID_B), created("c2", GRID_A), step("s1", GRID_A), step("s2", GRID_B));
        assertThat(passed()).containsExactly("c1", "s2");
        assertThat(refused()).extracting(DeadLetterRow::eventId).containsExactly("c2", "s1");
        assertThat(refused().getFirst().reason()).contains("created already in " + GRID_B).contains("c1");
    }

    @Test
    void aStepBeforeItsCreationWaitsForItAndIsJudgedThen() throws Exception {
        process(step("early", GRID_B), step("early-forged", GRID_A));
        assertThat(passed()).isEmpty();
        process(created("c1", GRID_B));
        assertThat(passed()).containsExactly("c1", "early");
        assertThat(refused()).extracting(DeadLetterRow::eventId).containsExactly("early-forged");
        // the hold's timer was withdrawn: nothing more comes when it would have fired
        harness.setProcessingTime(HOLD.toMillis() + 1);
        assertThat(passed()).containsExactly("c1", "early");
    }

    @Test
    void aStepWhoseCaseNeverComesPassesUnjudgedAfterTheHold() throws Exception {
        harness.setProcessingTime(1_000);
        process(step("orphan", GRID_A));
        harness.setProcessingTime(1_000 + HOLD.toMillis() - 1);
        assertThat(passed()).isEmpty();
        harness.setProcessingTime(1_000 + HOLD.toMillis());
        assertThat(passed()).containsExactly("orphan");
        assertThat(refused()).isEmpty();
    }

    @Test
    void theHomeSurvivesASnapshotAndRestore() throws Exception {
        process(created("c1", GRID_B));
        var snapshot = harness.snapshot(1, 10);
        harness.close();
        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        process(step("forged", GRID_A), step("s1", GRID_B));
        assertThat(passed()).containsExactly("s1");
        assertThat(refused()).extracting(DeadLetterRow::eventId).containsExactly("forged");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, EventRow, EventRow> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CaseHomes(HOLD)),
                CaseHomes::caseIdOf, Types.STRING);
    }

    private void process(EventRow... rows) throws Exception {
        for (var row : rows) {
            harness.processElement(new StreamRecord<>(row, row.occurredAt().toEpochMilli()));
        }
    }

    private List<String> passed() {
        return harness.extractOutputValues().stream().map(EventRow::eventId).toList();
    }

    private List<DeadLetterRow> refused() {
        var out = harness.getSideOutput(CaseHomes.REFUSED);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    static EventRow created(String id, String grid) {
        return row(id, "demand.created", grid, "{\"eventId\":\"" + id + "\",\"caseId\":\"case-b\",\"demandType\":\"medical_insurance\"}");
    }

    static EventRow step(String id, String grid) {
        return row(id, "demand.responded", grid, "{\"eventId\":\"" + id + "\",\"caseId\":\"case-b\",\"by\":\"w-1\"}");
    }

    static EventRow row(String id, String kind, String grid, String payload) {
        return new EventRow(id, kind, Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T01:00:01Z"), "t-1",
                grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6), null, null, payload);
    }
}
