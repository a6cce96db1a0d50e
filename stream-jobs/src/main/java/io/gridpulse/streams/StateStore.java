package io.gridpulse.streams;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the embedded job keeps its keyed state between checkpoints ({@code GP_STATE_BACKEND}).
 *
 * <p>The job remembers every eventId for two weeks to drop repeats, about 25 million ids in a county month. On the
 * heap every checkpoint wrote all of them again (520 MB at 10.5 million events, taking most of a core when
 * checkpoints came every few seconds). RocksDB with incremental checkpoints writes only the files that changed
 * since the last checkpoint, and keeps the state off the heap.
 */
public enum StateStore {
    /** RocksDB on local disk, incremental checkpoints: the default. */
    ROCKSDB,
    /** Java objects on the heap, a full snapshot at every checkpoint: faster per record, for small state. */
    HEAP;

    /**
     * The store a setting names: {@code rocksdb} or {@code heap} (also {@code hashmap}, Flink's name); blank for the
     * default, {@link #ROCKSDB}.
     *
     * @throws IllegalArgumentException naming the variable and the choices, for anything else
     */
    public static StateStore named(String value) {
        if (value == null || value.isBlank()) {
            return ROCKSDB;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rocksdb" -> ROCKSDB;
            case "heap", "hashmap" -> HEAP;
            default -> throw new IllegalArgumentException(
                    "GP_STATE_BACKEND must be rocksdb or heap, got \"" + value + "\"");
        };
    }

    /**
     * Sets this store in a cluster configuration.
     *
     * @param workDir where RocksDB keeps its working files: a scratch copy, rebuilt from the checkpoint on every start
     */
    void configure(Configuration conf, Path workDir) {
        switch (this) {
            case ROCKSDB -> {
                conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
                conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
                conf.set(RocksDBOptions.LOCAL_DIRECTORIES, workDir.toString());
            }
            case HEAP -> {
                conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
                conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, false);
            }
        }
    }
}
