package io.gridpulse.warehouse.chdb;

import io.gridpulse.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChdbLibraryTest {

    @Test
    void aMissingLibraryTellsTheUserToRunSetup() {
        assumeTrue(System.getenv(ChdbLibrary.ENV_LIB) == null, "GP_CHDB_LIB is set in this environment");
        var saved = System.getProperty(ChdbLibrary.PROPERTY_LIB);
        System.setProperty(ChdbLibrary.PROPERTY_LIB, "/nonexistent/libchdb.so");
        try {
            assertThatThrownBy(ChdbLibrary::locate).isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("./gridpulse setup")
                    .hasMessageContaining("/nonexistent/libchdb.so");
        } finally {
            if (saved == null) {
                System.clearProperty(ChdbLibrary.PROPERTY_LIB);
            } else {
                System.setProperty(ChdbLibrary.PROPERTY_LIB, saved);
            }
        }
    }

    @Test
    void theLoadedLibraryReportsItsVersion() {
        assertThat(ChdbClickHouse.libraryVersion()).startsWith("26.");
    }
}
