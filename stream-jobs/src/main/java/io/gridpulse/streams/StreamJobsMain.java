package io.gridpulse.streams;

import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * Entry point for a Flink cluster ({@code flink run stream-jobs.jar}): configuration comes from the
 * environment (GP_KAFKA_BOOTSTRAP, GP_EVENTS_TOPIC, GP_WAREHOUSE_URL, GP_CHECKPOINT_SECONDS and the thresholds of
 * {@link StreamJobsConfig#withEnvironment});
 * checkpoint storage, the state backend and restarts come from the cluster's own configuration (use RocksDB with
 * incremental checkpoints there too: the job remembers two weeks of eventIds, see {@link StateStore}).
 */
public final class StreamJobsMain {
    private StreamJobsMain() {}

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var config = StreamJobsConfig.of(
                        env.getOrDefault("GP_KAFKA_BOOTSTRAP", "localhost:9092"),
                        env.getOrDefault("GP_EVENTS_TOPIC", "gp.events"),
                        WarehouseConfig.fromEnv())
                .withCheckpointInterval(Duration.ofSeconds(Long.parseLong(env.getOrDefault("GP_CHECKPOINT_SECONDS", "60"))))
                .withEnvironment(env);
        var flink = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamJobs.define(flink, config);
        flink.execute(StreamJobs.JOB_NAME);
    }
}
