package io.gridpulse.warehouse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseConfigTest {

    @Test
    void anEmbeddedConfigNamesAnAbsoluteDataDirectory() {
        var config = WarehouseConfig.embedded(Path.of("data", "warehouse"));

        assertThat(config.isEmbedded()).isTrue();
        assertThat(config.dataDir().isAbsolute()).isTrue();
        assertThat(config.dataDir().endsWith(Path.of("data", "warehouse"))).isTrue();
        assertThat(config.url()).startsWith("chdb:/");
    }

    @Test
    void aServerUrlIsKeptAsGivenAndItsPasswordIsNotPrinted() {
        var config = new WarehouseConfig("jdbc:clickhouse://ch:8123/gridpulse?user=gp&password=secret");

        assertThat(config.isEmbedded()).isFalse();
        assertThat(config.toString()).doesNotContain("secret").contains("password=***");
    }

    @Test
    void unknownSchemesAndRelativeEmbeddedPathsAreRefused() {
        assertThatThrownBy(() -> new WarehouseConfig("mysql://x")).hasMessageContaining("chdb:");
        assertThatThrownBy(() -> new WarehouseConfig("chdb:relative/dir")).hasMessageContaining("absolute");
    }

    @Test
    void aConfigSurvivesJavaSerialisationAsFlinkOperatorsNeed() throws Exception {
        var config = WarehouseConfig.embedded(Path.of("/tmp/wh"));
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }
}
