package io.gridpulse.streams;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Assembles the GridPulse jobs into one Flink job graph. The same graph runs in an embedded
 * MiniCluster ({@link #startEmbedded}) and as a job jar on a cluster ({@link StreamJobsMain}).
 */
public final class StreamJobs {
    private static final Logger log = LoggerFactory.getLogger(StreamJobs.class);
    public static final String JOB_NAME = "gridpulse-stream-jobs";

    private StreamJobs() {}

    /** Adds every pipeline to the environment. */
    public static void define(StreamExecutionEnvironment env, StreamJobsConfig config) {
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        // compressed snapshots (Snappy) are read back in blocks: an uncompressed heap snapshot is read a byte per
        // system call, and restoring the 10 million remembered eventIds of the county benchmark took over ten minutes
        var snapshots = new Configuration();
        snapshots.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        env.configure(snapshots);
        var uniqueEvents = RawEventsPipeline.define(env, config);
        HeatPipeline.define(uniqueEvents, config);
        EventHoursPipeline.define(uniqueEvents, config);
        SatisfactionPipeline.define(uniqueEvents, config);
        var alerts = SlaPipeline.define(uniqueEvents, config).union(DevicePipeline.define(uniqueEvents, config),
                ServiceClocksPipeline.define(uniqueEvents, config));
        if (!config.visits().rules().isEmpty()) {
            alerts = alerts.union(VisitObligationsPipeline.define(env, uniqueEvents, config));
        }
        AlertsOut.define(alerts, config);
    }

    /**
     * Starts the jobs in a MiniCluster inside this JVM, restoring the newest retained checkpoint
     * under {@code flinkDir} if there is one, so that a restart after a crash resumes where the
     * last checkpoint left off.
     */
    public static JobClient startEmbedded(StreamJobsConfig config, Path flinkDir) throws Exception {
        var checkpoints = flinkDir.resolve("checkpoints");
        Files.createDirectories(checkpoints);
        var conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofMillis(500));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
        latestCheckpoint(checkpoints).ifPresent(path -> {
            log.info("restoring stream jobs from {}", path);
            retireOlderRuns(checkpoints, path);
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toUri().toString());
            // a newer build may have dropped an operator; its old state must not block the start
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        });
        var env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
        define(env, config);
        return env.executeAsync(JOB_NAME);
    }

    /**
     * Deletes the checkpoint folders of earlier runs but the one being restored from: each run keeps its own
     * newest two, and without this every restart left its run's (over 1 GB at county load) behind for good.
     * The run restored from stays until the next start, so a crash before the new run's first checkpoint still
     * finds it.
     */
    static void retireOlderRuns(Path checkpoints, Path restoring) {
        var keep = restoring.getParent();
        try (var runs = Files.list(checkpoints)) {
            for (var run : runs.filter(Files::isDirectory).filter(run -> !run.equals(keep)).toList()) {
                try (var tree = Files.walk(run)) {
                    for (var p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                log.info("removed the checkpoints of an earlier run: {}", run);
            }
        } catch (IOException e) {
            log.warn("could not remove the checkpoints of earlier runs in {}: {}", checkpoints, e.toString());
        }
    }

    /** The newest complete checkpoint (one whose _metadata was written) of any earlier run. */
    static Optional<Path> latestCheckpoint(Path checkpoints) {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (var paths = Files.find(checkpoints, 3, (p, attrs) -> p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith("chk-"))) {
            return paths.max(Comparator.comparing(StreamJobs::modified)).map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("could not look for checkpoints in " + checkpoints, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
