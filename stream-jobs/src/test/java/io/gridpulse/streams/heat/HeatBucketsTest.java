package io.gridpulse.streams.heat;

import io.gridpulse.warehouse.heat.HeatRow;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeatBucketsTest {
    static final long NINE = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, HeatHit, HeatRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, HeatHit, HeatRow> newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new HeatBuckets(Duration.ofDays(3), Duration.ofMillis(200))),
                HeatHit::bucketKey, Types.STRING);
    }

    static HeatHit hit(String subject, long bucket, String grid) {
        return new HeatHit("demand", subject, bucket, "439901", "439901001", "439901001001", grid, 0);
    }

    private long wallClock;

    private void send(HeatHit... hits) throws Exception {
        for (var hit : hits) {
            harness.processElement(new StreamRecord<>(hit, hit.bucketStart()));
        }
    }

    /** Lets processing time pass, so that buckets with new hits are written. */
    private void tick() throws Exception {
        wallClock += 200;
        harness.setProcessingTime(wallClock);
    }

    private void sendOneByOne(HeatHit... hits) throws Exception {
        for (var hit : hits) {
            send(hit);
            tick();
        }
    }

    private List<Long> counts() {
        return harness.extractOutputValues().stream().map(HeatRow::events).toList();
    }

    @Test
    void everyHitEmitsItsBucketsFullCount() throws Exception {
        sendOneByOne(hit("employment", NINE, "439901001001001"), hit("employment", NINE, "439901001001001"),
                hit("medical_insurance", NINE, "439901001001001"), hit("employment", NINE + 60_000, "439901001001001"),
                hit("employment", NINE, "439901001001002"), hit("employment", NINE, "439901001001001"));
        assertThat(counts()).containsExactly(1L, 2L, 1L, 1L, 1L, 3L);
        assertThat(harness.extractOutputValues().getLast()).satisfies(row -> {
            assertThat(row.bucket()).isEqualTo(Instant.ofEpochMilli(NINE));
            assertThat(row.subject()).isEqualTo("employment");
            assertThat(row.gridCode()).isEqualTo("439901001001001");
        });
    }

    @Test
    void aHitHoursLateRaisesTheBucketItHappenedIn() throws Exception {
        sendOneByOne(hit("employment", NINE, "439901001001001"));
        harness.processWatermark(NINE + 6 * 3_600_000);
        sendOneByOne(hit("employment", NINE + 5 * 3_600_000, "439901001001001"), hit("employment", NINE, "439901001001001"));
        assertThat(harness.extractOutputValues()).extracting(HeatRow::bucket, HeatRow::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(NINE), 1L),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(NINE + 5 * 3_600_000), 1L),
                org.assertj.core.groups.Tuple.tuple(Instant.ofEpochMilli(NINE), 2L));
    }

    @Test
    void aBusyBucketIsWrittenOncePerIntervalWithItsFullCount() throws Exception {
        send(hit("employment", NINE, "439901001001001"), hit("employment", NINE, "439901001001001"),
                hit("employment", NINE, "439901001001002"));
        assertThat(counts()).isEmpty();
        tick();
        send(hit("employment", NINE, "439901001001001"));
        tick();
        tick();
        assertThat(harness.extractOutputValues()).extracting(HeatRow::gridCode, HeatRow::events).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("439901001001001", 2L), org.assertj.core.groups.Tuple.tuple("439901001001002", 1L),
                org.assertj.core.groups.Tuple.tuple("439901001001001", 3L));
    }

    @Test
    void aReplayFromACheckpointEndsWithTheSameCountsAsTheUninterruptedRun() throws Exception {
        var history = new ArrayList<HeatHit>();
        for (int i = 0; i < 20; i++) {
            history.add(hit(i % 3 == 0 ? "employment" : "elderly_care", NINE + (i % 4) * 60_000, "439901001001001"));
        }
        send(history.subList(0, 8).toArray(HeatHit[]::new));
        var snapshot = harness.snapshot(1, 1); // taken with unwritten counts: their timers are in the snapshot
        send(history.subList(8, 20).toArray(HeatHit[]::new));
        tick();
        var uninterrupted = finalCounts(harness.extractOutputValues());

        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        send(history.subList(8, 20).toArray(HeatHit[]::new));
        wallClock = 0;
        tick();
        assertThat(finalCounts(harness.extractOutputValues())).isEqualTo(uninterrupted).hasSize(8);
    }

    @Test
    void theEndOfABoundedInputWritesWhatIsUnwritten() throws Exception {
        send(hit("employment", NINE, "439901001001001"), hit("employment", NINE, "439901001001001"));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(counts()).containsExactly(2L);
        tick();
        assertThat(counts()).containsExactly(2L);
    }

    /** What the table keeps: per bucket the highest count written. */
    private static java.util.Map<String, Long> finalCounts(List<HeatRow> rows) {
        var out = new java.util.TreeMap<String, Long>();
        rows.forEach(r -> out.merge(r.subject() + "@" + r.bucket(), r.events(), Math::max));
        return out;
    }
}
