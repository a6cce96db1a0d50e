package io.gridpulse.warehouse.chdb;

import io.gridpulse.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChdbLibraryTest {

    @Test
    void aMissingLibraryTellsTheUserToRunSetup() {
        assertThatThrownBy(() -> ChdbLibrary.locate(null, "/nonexistent/libchdb.so"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("./gridpulse setup")
                .hasMessageContaining("/nonexistent/libchdb.so");
    }

    @Test
    void theEnvironmentVariableWinsOverTheProperty(@TempDir Path dir) throws Exception {
        var fromEnv = Files.createFile(dir.resolve("env.so"));
        var fromProperty = Files.createFile(dir.resolve("property.so"));
        assertThat(ChdbLibrary.locate(fromEnv.toString(), fromProperty.toString())).isEqualTo(fromEnv);
        assertThat(ChdbLibrary.locate("/nonexistent.so", fromProperty.toString())).isEqualTo(fromProperty);
    }

    @Test
    void theLoadedLibraryReportsItsVersion() {
        assertThat(ChdbClickHouse.libraryVersion()).startsWith("26.");
    }
}
