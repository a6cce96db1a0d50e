package io.gridpulse.geo.region;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRegionGeneratorTest {

    @Test
    void theCommittedFileIsWhatTheGeneratorDraws() throws Exception {
        var committed = Files.readString(Path.of(DemoRegionGenerator.RESOURCE_PATH), StandardCharsets.UTF_8);
        var drawn = DemoRegionGenerator.geoJson(DemoRegionGenerator.SEED);
        if (!drawn.equals(committed)) {
            Files.writeString(Path.of("target/demo-region.drawn.geojson"), drawn, StandardCharsets.UTF_8);
        }
        // on failure: compare with target/demo-region.drawn.geojson; run DemoRegionGenerator.main from geo-data to update
        assertThat(drawn.equals(committed)).as("demo-region.geojson matches DemoRegionGenerator output").isTrue();
    }

    @Test
    void theCommittedFilePassesEveryCheckOfTheLoader() throws Exception {
        var bytes = Files.readAllBytes(Path.of(DemoRegionGenerator.RESOURCE_PATH));
        var region = RegionLoader.load(new ByteArrayInputStream(bytes), "demo-region.geojson");
        assertThat(region.areas()).hasSize(Region.demo().areas().size());
        assertThat(bytes.length).as("file size").isLessThan(3_000_000);
    }

    @Test
    void chineseNumbersReadAsWritten() {
        assertThat(DemoRegionGenerator.chineseNumber(1)).isEqualTo("一");
        assertThat(DemoRegionGenerator.chineseNumber(10)).isEqualTo("十");
        assertThat(DemoRegionGenerator.chineseNumber(12)).isEqualTo("十二");
        assertThat(DemoRegionGenerator.chineseNumber(20)).isEqualTo("二十");
        assertThat(DemoRegionGenerator.chineseNumber(31)).isEqualTo("三十一");
    }
}
