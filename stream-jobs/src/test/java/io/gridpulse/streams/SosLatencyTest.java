package io.gridpulse.streams;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.streams.sink.WarehouseSink;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SOS readings at a steady pace through device health into the alerts table of embedded ClickHouse: every
 * reading becomes one SOS alert, written while the readings still flow (not only when the input ends). The
 * time from reading to alert is printed for a look (p50 about 0.3 s, p99 about 0.5 s here, most of it the alert
 * sink's 300 ms batching window) but not asserted: speed is measured in {@code bench/}, where the target of the
 * whole path, Kafka hop included, is held (bench/stream-freshness.sh).
 */
class SosLatencyTest {
    static final int READINGS = 100;
    static final int PER_SECOND = 20;
    static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> INSERTS = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dir;

    @Test
    void everySosReadingBecomesOneAlertWhileTheReadingsFlow() throws Exception {
        var warehouseConfig = WarehouseConfig.embedded(dir.resolve("warehouse"));
        try (var warehouse = Warehouse.open(warehouseConfig)) {
            var config = StreamJobsConfig.of("127.0.0.1:9", "gp.events", warehouseConfig).withClock(TestClock.get());
            var env = StreamExecutionEnvironment.createLocalEnvironment(1);
            GeneratorFunction<Long, EventRow> sos = i -> TestEvents.row(new Telemetry(
                    TestEvents.envelope("evt-sos-%06d".formatted(i), TestClock.now(), TestEvents.GRID), "w-" + i,
                    DeviceType.WRISTBAND, 90, 60.0, true, null, null, null, null));
            var source = new DataGeneratorSource<>(sos, READINGS, RateLimiterStrategy.perSecond(PER_SECOND),
                    TypeInformation.of(EventRow.class));
            var readings = env.fromSource(source, WatermarkStrategy.noWatermarks(), "sos readings");
            DevicePipeline.define(readings, config)
                    .sinkTo(new WarehouseSink<Alert>(warehouseConfig, SosLatencyTest::writeAndTime, 500, config.sinkMaxDelay()));
            env.execute("sos-latency");

            var sorted = new ArrayList<>(LATENCIES);
            Collections.sort(sorted);
            System.out.printf("SosLatencyTest: %d SOS alerts at %d/s, reading to alerts table: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    READINGS, PER_SECOND, at(sorted.subList(0, READINGS), 0.50), at(sorted.subList(0, READINGS), 0.95),
                    at(sorted.subList(0, READINGS), 0.99), sorted.get(READINGS - 1));
            System.out.println("SosLatencyTest: inserts (ms): " + INSERTS);
            assertThat(warehouse.alerts().recent(1_000)).filteredOn(a -> a.kind() == AlertKind.DEVICE_SOS).hasSize(READINGS);
            assertThat(sorted).hasSize(2 * READINGS); // an SOS and, when the input ends, an offline alert per device
            // written while the readings flowed (5 s of them), not in one flush after the input ended
            assertThat(at(sorted.subList(0, READINGS), 0.50)).isLessThan(READINGS * 1_000L / PER_SECOND);
        }
    }

    /** Writes the batch, then notes for each SOS alert how long after its reading it became visible. */
    static void writeAndTime(Warehouse warehouse, List<Alert> rows) {
        long before = TestClock.get().millis();
        warehouse.alerts().insert(rows);
        long now = TestClock.get().millis();
        INSERTS.add(now - before);
        for (var row : rows) {
            LATENCIES.add(row.kind() == AlertKind.DEVICE_SOS ? now - row.raisedAt().toEpochMilli() : Long.MAX_VALUE);
        }
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
