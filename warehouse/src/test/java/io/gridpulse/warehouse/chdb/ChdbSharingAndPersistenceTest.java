package io.gridpulse.warehouse.chdb;

import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * chDB serves one data directory per process: handles on it share one connection, which outlives
 * every handle but the last, and data survives closing, reopening and the end of the process.
 */
class ChdbSharingAndPersistenceTest {

    static EventRow event(String id) {
        var at = Instant.parse("2026-05-01T00:00:00Z");
        return new EventRow(id, "visit.completed", at, at, "test", "g", "c", "persist-street", "county",
                null, null, "{\"eventId\":\"" + id + "\"}");
    }

    @Test
    void theSameDirectoryOpenedTwiceSharesOneConnectionUntilTheLastHandleCloses() {
        assertThat(ChdbClickHouse.openHandles()).isZero();
        try (var first = Warehouse.open(TestChdb.config())) {
            try (var second = Warehouse.open(TestChdb.config())) {
                assertThat(ChdbClickHouse.openHandles()).isEqualTo(2);
                second.events().insert(List.of(event("shared-1")));
            }
            assertThat(ChdbClickHouse.openHandles()).isEqualTo(1);
            assertThat(first.events().find("shared-1")).isPresent();
        }
        assertThat(ChdbClickHouse.openHandles()).isZero();
    }

    @Test
    void aClosedHandleRefusesWorkAndClosingTwiceIsHarmless() {
        var clickHouse = ChdbClickHouse.open(TestChdb.dataDir());
        try (var other = ChdbClickHouse.open(TestChdb.dataDir())) {
            clickHouse.close();
            clickHouse.close();
            assertThat(ChdbClickHouse.openHandles()).isEqualTo(1);
            assertThat(other.query("SELECT 1 AS one")).singleElement().extracting(r -> r.get("one")).isEqualTo(1L);
        }
        assertThatThrownBy(() -> clickHouse.execute("SELECT 1")).isInstanceOf(WarehouseException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void anotherDirectoryCannotBeOpenedWhileOneIsOpenButCanAfterItCloses(@TempDir Path otherDir) {
        try (var open = Warehouse.open(TestChdb.config())) {
            assertThatThrownBy(() -> Warehouse.open(WarehouseConfig.embedded(otherDir)))
                    .isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("one data directory per process")
                    .hasMessageContaining(TestChdb.dataDir().toString());
            assertThat(open.events().distinctCount()).isNotNegative();
        }
        try (var other = Warehouse.open(WarehouseConfig.embedded(otherDir))) {
            assertThat(other.events().distinctCount()).isZero();
        }
    }

    @Test
    void dataWrittenBeforeClosingIsFoundAfterReopeningInTheSameProcess() {
        try (var warehouse = Warehouse.open(TestChdb.config())) {
            warehouse.events().insert(List.of(event("persist-1"), event("persist-2")));
        }
        assertThat(ChdbClickHouse.openHandles()).isZero();

        try (var reopened = Warehouse.open(TestChdb.config())) {
            assertThat(reopened.events().find("persist-1")).contains(event("persist-1"));
            assertThat(reopened.events().find("persist-2")).isPresent();
        }
    }

    @Test
    @Timeout(60)
    void dataWrittenByAnotherProcessThatExitedIsFound(@TempDir Path dir) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dgridpulse.chdb.lib=" + ChdbLibrary.locate(),
                "-cp", System.getProperty("java.class.path"),
                WriterProcess.class.getName(), dir.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        try (var warehouse = Warehouse.open(WarehouseConfig.embedded(dir))) {
            assertThat(warehouse.events().ids()).containsExactlyInAnyOrder("child-1", "child-2", "child-3");
            assertThat(warehouse.events().find("child-2")).contains(event("child-2"));
        }
    }

    /** Runs in a child JVM: writes three events into the directory given and exits. */
    public static final class WriterProcess {
        public static void main(String[] args) {
            try (var warehouse = Warehouse.open(WarehouseConfig.embedded(Path.of(args[0])))) {
                warehouse.events().insert(List.of(event("child-1"), event("child-2"), event("child-3")));
            }
        }
    }
}
