package io.gridpulse.streams;

import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job graph, built but not run: type extraction, uids and wiring fail here, fast, instead of at start-up. */
class StreamJobsTest {

    @Test
    void theJobGraphBuildsWithAStableUidOnEveryOperator() {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamJobs.define(env, StreamJobsConfig.of("127.0.0.1:9", "gp.events", WarehouseConfig.embedded(Path.of("/tmp/unused"))));
        var graph = env.getStreamGraph();
        var uids = new java.util.ArrayList<String>();
        graph.getStreamNodes().forEach(node -> uids.add(node.getTransformationUID()));
        assertThat(uids).contains("source-gp-events", "decode-events", "first-seen-only", "sink-events",
                "sink-dead-letters", "sla-clocks", "sink-alerts", "sink-alerts-topic", "heat-hits", "heat-buckets", "sink-heat",
                "rating-rows", "sink-ratings", "device-readings", "device-event-time", "device-health", "plaque-steps",
                "plaque-event-time", "plaque-clocks", "ticket-steps", "ticket-event-time", "hall-handling",
                "source-gp-registry", "registry-event-time", "visit-steps", "visit-event-time", "visit-obligations");
        assertThat(uids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void thresholdsAreReadFromTheEnvironmentWithDefaultsAndBadValuesAreNamed() {
        var base = StreamJobsConfig.of("k:9", "gp.events", WarehouseConfig.embedded(Path.of("/tmp/unused")));
        assertThat(base.withEnvironment(java.util.Map.of())).isEqualTo(base);
        var tuned = base.withEnvironment(java.util.Map.of("GP_DEVICE_OFFLINE_MINUTES", "15", "GP_DEVICE_LOW_BATTERY_PERCENT", "25",
                "GP_HEART_RATE_LOW", "45", "GP_HEART_RATE_HIGH", "130", "GP_HEAT_LATE_DAYS", "7"));
        assertThat(tuned.devices()).isEqualTo(new io.gridpulse.streams.devices.DeviceRules(java.time.Duration.ofMinutes(15), 25, 45, 130));
        assertThat(tuned.heatLateness()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(base.devices().repairWithin()).isEqualTo(java.time.Duration.ofHours(4));
        assertThat(base.plaqueUpdate()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(base.hallHandling()).isEqualTo(java.time.Duration.ofMinutes(20));
        var clocks = base.withEnvironment(java.util.Map.of("GP_DEVICE_REPAIR_HOURS", "6", "GP_PLAQUE_UPDATE_HOURS", "48",
                "GP_HALL_HANDLING_MINUTES", "15"));
        assertThat(clocks.devices().repairWithin()).isEqualTo(java.time.Duration.ofHours(6));
        assertThat(clocks.plaqueUpdate()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(clocks.hallHandling()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(base.serviceEscalations()).containsExactly(java.time.Duration.ZERO, java.time.Duration.ofHours(24),
                java.time.Duration.ofHours(72));
        assertThat(base.withEnvironment(java.util.Map.of("GP_SERVICE_ESCALATION_HOURS", "2,48")).serviceEscalations())
                .containsExactly(java.time.Duration.ofHours(2), java.time.Duration.ofHours(48));
        assertThat(base.withEnvironment(java.util.Map.of("GP_SERVICE_ESCALATION_HOURS", "off")).serviceEscalations()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> base.withEnvironment(java.util.Map.of("GP_SERVICE_ESCALATION_HOURS", "24,0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GP_SERVICE_ESCALATION_HOURS");
        var visits = base.withEnvironment(java.util.Map.of("GP_VISIT_LEFT_BEHIND_CHILD_PERIOD", "off")).visits();
        assertThat(visits.rules()).extracting(io.gridpulse.streams.visits.VisitRule::id).containsExactly("visit.elderly_alone.weekly");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> base.withEnvironment(java.util.Map.of("GP_HALL_HANDLING_MINUTES", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GP_HALL_HANDLING_MINUTES");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> base.withEnvironment(java.util.Map.of("GP_HEART_RATE_LOW", "fast")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GP_HEART_RATE_LOW");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> base.withEnvironment(java.util.Map.of("GP_HEART_RATE_LOW", "150")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low < high");
    }

    @Test
    void aStartKeepsOnlyTheRunItRestoresFrom(@org.junit.jupiter.api.io.TempDir Path flink) throws Exception {
        var snapshots = new Snapshots(flink);
        var checkpoints = snapshots.checkpoints();
        var older = Files.createDirectories(checkpoints.resolve("run-a/chk-7"));
        Files.writeString(older.resolve("_metadata"), "a");
        Files.createDirectories(checkpoints.resolve("run-a/shared"));
        var newer = Files.createDirectories(checkpoints.resolve("run-b/chk-9"));
        Files.writeString(newer.resolve("_metadata"), "b");
        Files.setLastModifiedTime(older.resolve("_metadata"), FileTime.fromMillis(1_000));
        Files.createDirectories(checkpoints.resolve("run-c"));   // a run that never completed a checkpoint
        var oldSavepoint = Files.createDirectories(snapshots.savepoints().resolve("savepoint-1"));
        Files.writeString(oldSavepoint.resolve("_metadata"), "s");
        Files.setLastModifiedTime(oldSavepoint.resolve("_metadata"), FileTime.fromMillis(2_000));

        var latest = snapshots.latest().orElseThrow();
        assertThat(latest).isEqualTo(newer);
        snapshots.retireAllBut(latest);

        try (var left = Files.list(checkpoints)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("run-b");
        }
        assertThat(newer.resolve("_metadata")).exists();
        assertThat(oldSavepoint).doesNotExist();
    }

    @Test
    void aSavepointNewerThanEveryCheckpointIsRestoredAndTheCheckpointsRetired(@org.junit.jupiter.api.io.TempDir Path flink)
            throws Exception {
        var snapshots = new Snapshots(flink);
        var checkpoint = Files.createDirectories(snapshots.checkpoints().resolve("run-a/chk-3"));
        Files.writeString(checkpoint.resolve("_metadata"), "a");
        Files.setLastModifiedTime(checkpoint.resolve("_metadata"), FileTime.fromMillis(1_000));
        var savepoint = Files.createDirectories(snapshots.savepoints().resolve("savepoint-abc"));
        Files.writeString(savepoint.resolve("_metadata"), "s");

        assertThat(snapshots.latest()).contains(savepoint);
        snapshots.retireAllBut(savepoint);

        assertThat(snapshots.checkpoints().resolve("run-a")).doesNotExist();
        assertThat(savepoint.resolve("_metadata")).exists();
    }

    @Test
    void snapshotsFromBeforeTheStoreCouldBeChosenAreHeapSnapshots(@org.junit.jupiter.api.io.TempDir Path flink) throws Exception {
        var snapshots = new Snapshots(flink);
        assertThat(snapshots.writtenBy()).isEqualTo(StateStore.HEAP);

        snapshots.writtenFromNowBy(StateStore.ROCKSDB);

        assertThat(snapshots.writtenBy()).isEqualTo(StateStore.ROCKSDB);
    }

    @Test
    void theStateStoreIsRocksDbUnlessHeapIsNamed() {
        assertThat(StateStore.named(null)).isEqualTo(StateStore.ROCKSDB);
        assertThat(StateStore.named(" RocksDB ")).isEqualTo(StateStore.ROCKSDB);
        assertThat(StateStore.named("hashmap")).isEqualTo(StateStore.HEAP);
        assertThat(StateStore.named("heap")).isEqualTo(StateStore.HEAP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateStore.named("forst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GP_STATE_BACKEND");
    }
}
