package io.gridpulse.model.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaTest {

    @Test
    void anAreaMayHaveNoEnglishName() {
        var area = new Area(AreaCode.of("430281"), "醴陵市", null);
        assertThat(area.nameEn()).isNull();
        assertThat(area.level()).isEqualTo(AreaLevel.COUNTY);
    }

    @Test
    void anAreaNeedsAName() {
        assertThatThrownBy(() -> new Area(AreaCode.of("430281"), " ", "Liling"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("430281");
    }

    @Test
    void anAreaNeedsACode() {
        assertThatThrownBy(() -> new Area(null, "醴陵市", "Liling")).isInstanceOf(NullPointerException.class);
    }
}
