package io.gridpulse.model.area;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AreaLineageTest {
    static final AreaLineage PLACE = AreaLineage.ofGrid(AreaCode.of("439901001002003"));

    @Test
    void aGridsLineageIsReadFromItsCode() {
        assertThat(PLACE).isEqualTo(new AreaLineage("439901001002003", "439901001002", "439901001", "439901"));
        assertThat(PLACE.codeAt(AreaLevel.COMMUNITY)).isEqualTo("439901001002");
        assertThatThrownBy(() -> AreaLineage.ofGrid(AreaCode.of("439901001"))).hasMessageContaining("grid code");
    }

    @Test
    void aPlaceIsInTheAreasOfItsLineageAndTheProvinceAndCityAboveIt() {
        for (var code : new String[] {"43", "4399", "439901", "439901001", "439901001002", "439901001002003"}) {
            assertThat(PLACE.isIn(AreaCode.of(code))).as(code).isTrue();
        }
        for (var code : new String[] {"44", "4398", "439902", "439901002", "439901001001", "439901001002004"}) {
            assertThat(PLACE.isIn(AreaCode.of(code))).as(code).isFalse();
        }
    }

    @Test
    void anUnknownPlaceIsInNoArea() {
        assertThat(AreaLineage.UNKNOWN.isIn(AreaCode.of("43"))).isFalse();
        assertThat(new AreaLineage(null, null, "439901001", null).isIn(AreaCode.of("439901001"))).isTrue();
        assertThat(new AreaLineage(null, null, "439901001", null).grid()).isEmpty();
    }
}
