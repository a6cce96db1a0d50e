package io.gridpulse.streams;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

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
     * Starts the jobs in a MiniCluster inside this JVM, with keyed state in RocksDB, restoring the newest
     * retained checkpoint under {@code flinkDir} if there is one, so that a restart after a crash resumes where the
     * last checkpoint left off.
     */
    public static JobClient startEmbedded(StreamJobsConfig config, Path flinkDir) throws Exception {
        return startEmbedded(config, flinkDir, StateStore.ROCKSDB);
    }

    /**
     * Starts the jobs in a MiniCluster inside this JVM with keyed state in the given store, restoring the newest
     * retained checkpoint or savepoint under {@code flinkDir} if there is one.
     *
     * <p>A checkpoint restores only into the store that wrote it. When the store changed since (an upgrade from a
     * build that kept state on the heap, or {@code GP_STATE_BACKEND} set otherwise), the job first runs once in the old
     * store from that checkpoint and stops with a savepoint in Flink's canonical format, which either store reads; the
     * new store starts from that. Starting afresh instead would forget every running SLA clock.
     */
    public static JobClient startEmbedded(StreamJobsConfig config, Path flinkDir, StateStore store) throws Exception {
        var snapshots = new Snapshots(flinkDir);
        Files.createDirectories(snapshots.checkpoints());
        var latest = snapshots.latest();
        var writtenBy = snapshots.writtenBy();
        if (latest.isPresent() && writtenBy != store) {
            latest = Optional.of(convert(config, snapshots, latest.get(), writtenBy, store));
        }
        snapshots.writtenFromNowBy(store);
        return start(config, snapshots, store, latest);
    }

    private static JobClient start(StreamJobsConfig config, Snapshots snapshots, StateStore store, Optional<Path> restore)
            throws Exception {
        var conf = new Configuration();
        // RocksDB's working files are a scratch copy: restored from the checkpoint on every start, and a killed run
        // leaves its copy behind, so they are cleared here
        Snapshots.deleteTree(snapshots.scratch());
        store.configure(conf, snapshots.scratch());
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, snapshots.checkpoints().toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofMillis(500));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
        restore.ifPresent(path -> {
            log.info("restoring stream jobs from {} ({} state)", path, store.name().toLowerCase(java.util.Locale.ROOT));
            snapshots.retireAllBut(path);
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toUri().toString());
            // a newer build may have dropped an operator; its old state must not block the start
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        });
        var env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
        define(env, config);
        return env.executeAsync(JOB_NAME);
    }

    /**
     * Runs the job in the store that wrote {@code checkpoint} and stops it with a canonical savepoint, which the other
     * store restores from. Asked while the tasks still restore, a savepoint is refused; it is asked again until taken.
     */
    private static Path convert(StreamJobsConfig config, Snapshots snapshots, Path checkpoint, StateStore from,
                                StateStore to) throws Exception {
        log.warn("{} holds {} state and the job now keeps it in {}: converting it through a canonical savepoint, once",
                checkpoint, from.name().toLowerCase(java.util.Locale.ROOT), to.name().toLowerCase(java.util.Locale.ROOT));
        var job = start(config, snapshots, from, Optional.of(checkpoint));
        var giveUp = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            try {
                var taken = job.stopWithSavepoint(false, snapshots.savepoints().toUri().toString(),
                        SavepointFormatType.CANONICAL).get();
                job.getJobExecutionResult().get();
                var savepoint = Path.of(java.net.URI.create(taken));
                log.info("converted the job's state into {}", savepoint);
                return savepoint;
            } catch (ExecutionException refused) {
                if (System.nanoTime() > giveUp || job.getJobStatus().get().isGloballyTerminalState()) {
                    throw new IllegalStateException("could not convert the stream jobs' state in " + checkpoint
                            + " from " + from + " to " + to + "; to start afresh, delete " + snapshots.checkpoints(), refused);
                }
                Thread.sleep(2_000);
            }
        }
    }
}
