package io.gridpulse.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded job's retained snapshots under its folder: checkpoints ({@code checkpoints/<run>/chk-N}), one per run
 * kept by Flink, and the savepoint a change of {@link StateStore} goes through ({@code savepoints/savepoint-*}).
 * Also remembers which store wrote them ({@code state-store}), because a checkpoint restores only into the store that
 * wrote it.
 */
final class Snapshots {
    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final Path flinkDir;

    Snapshots(Path flinkDir) {
        this.flinkDir = flinkDir;
    }

    Path checkpoints() {
        return flinkDir.resolve("checkpoints");
    }

    Path savepoints() {
        return flinkDir.resolve("savepoints");
    }

    /** RocksDB's working copy: rebuilt from the snapshot on every start. */
    Path scratch() {
        return flinkDir.resolve("rocksdb");
    }

    /** The newest complete checkpoint or savepoint (one whose _metadata was written). */
    Optional<Path> latest() {
        return Stream.concat(complete(checkpoints(), 2, "chk-"), complete(savepoints(), 1, "savepoint-"))
                .max(Comparator.comparing(Snapshots::modified));
    }

    /**
     * The store that wrote the snapshots. Folders from before the store could be chosen hold heap snapshots: that was
     * the only store then.
     */
    StateStore writtenBy() {
        var marker = flinkDir.resolve("state-store");
        try {
            return Files.exists(marker) ? StateStore.named(Files.readString(marker)) : StateStore.HEAP;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + marker, e);
        }
    }

    void writtenFromNowBy(StateStore store) throws IOException {
        Files.createDirectories(flinkDir);
        Files.writeString(flinkDir.resolve("state-store"), store.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Deletes every run's checkpoints and every savepoint but the folder of the one being restored from: each run keeps
     * its own newest two, and without this every restart left its run's (over 1 GB at county load) behind for good. The
     * one restored from stays until the next start, so a crash before the new run's first checkpoint still finds it.
     */
    void retireAllBut(Path restoring) {
        var keep = restoring.getFileName().toString().startsWith("chk-") ? restoring.getParent() : restoring;
        for (var parent : new Path[] {checkpoints(), savepoints()}) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (var entries = Files.list(parent)) {
                for (var old : entries.filter(Files::isDirectory).filter(p -> !p.equals(keep)).toList()) {
                    deleteTree(old);
                    log.info("removed the snapshots of an earlier run: {}", old);
                }
            } catch (IOException e) {
                log.warn("could not remove the snapshots of earlier runs in {}: {}", parent, e.toString());
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var tree = Files.walk(root)) {
            for (var p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Stream<Path> complete(Path parent, int depth, String prefix) {
        if (!Files.isDirectory(parent)) {
            return Stream.empty();
        }
        try (var paths = Files.find(parent, depth + 1, (p, attrs) -> p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith(prefix))) {
            return paths.map(Path::getParent).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("could not look for snapshots in " + parent, e);
        }
    }

    private static FileTime modified(Path snapshot) {
        try {
            return Files.getLastModifiedTime(snapshot.resolve("_metadata"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
