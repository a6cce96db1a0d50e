package io.gridpulse.ingest;

import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The one embedded warehouse of this test JVM (chDB serves one data directory per process), opened on first use. */
final class TestWarehouse {

    private TestWarehouse() {}

    static Warehouse shared() {
        return Holder.WAREHOUSE;
    }

    private static final class Holder {
        static final Warehouse WAREHOUSE = open();

        private static Warehouse open() {
            try {
                var dir = Files.createTempDirectory("gridpulse-ingest-warehouse");
                var warehouse = Warehouse.open(WarehouseConfig.embedded(dir));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    warehouse.close();
                    delete(dir);
                }));
                return warehouse;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("left the test warehouse at " + dir + ": " + e.getMessage());
            }
        }
    }
}
