package io.gridpulse.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The one embedded data directory every chDB test in this JVM uses (chDB serves one per process). */
public final class TestChdb {

    private static final Path DATA_DIR = create();

    private TestChdb() {
    }

    public static Path dataDir() {
        return DATA_DIR;
    }

    public static WarehouseConfig config() {
        return WarehouseConfig.embedded(DATA_DIR);
    }

    private static Path create() {
        try {
            var dir = Files.createTempDirectory("gridpulse-warehouse-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
