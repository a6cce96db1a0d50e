package io.gridpulse.geo.region;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionDirectoryTest {

    @Test
    void demoRegionHasFifteenStreetsUnderOneCounty() {
        var demo = RegionDirectory.demo();
        var county = AreaCode.of("439901");
        assertThat(demo.find("439901")).get().extracting(a -> a.code().level()).isEqualTo(AreaLevel.COUNTY);
        assertThat(demo.children(county)).hasSize(15)
                .allSatisfy(a -> assertThat(a.code().level()).isEqualTo(AreaLevel.STREET));
    }

    @Test
    void demoRegionIsLabelledFictional() {
        assertThat(RegionDirectory.demo().find("439901").orElseThrow().name()).contains("虚构");
    }

    @Test
    void aDuplicateCodeIsRejectedWithItsLine() {
        var csv = "439901,甲,A\n439901001,乙,B\n439901001,丙,C\n";
        assertThatThrownBy(() -> RegionDirectory.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv"))
                .hasMessageContaining("line 3").hasMessageContaining("twice");
    }

    @Test
    void aLineWithTooFewColumnsIsRejected() {
        var csv = "439901,甲\n";
        assertThatThrownBy(() -> RegionDirectory.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv"))
                .hasMessageContaining("t.csv line 1");
    }
}
