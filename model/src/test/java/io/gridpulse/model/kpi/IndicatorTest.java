package io.gridpulse.model.kpi;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorTest {

    @Test
    void thereAreTwelveIndicatorsWithDistinctCodesAndNames() {
        assertThat(Indicator.values()).hasSize(12);
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::code).distinct()).hasSize(12);
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::nameZh).distinct()).hasSize(12);
    }

    @Test
    void higherIsBetterMeetsTheTargetFromItUpwards() {
        assertThat(Indicator.ON_TIME_CLOSURE.meets(90)).isTrue();
        assertThat(Indicator.ON_TIME_CLOSURE.meets(89.99)).isFalse();
    }

    @Test
    void lowerIsBetterMeetsTheTargetFromItDownwards() {
        assertThat(Indicator.AVERAGE_RESPONSE_HOURS.meets(24)).isTrue();
        assertThat(Indicator.AVERAGE_RESPONSE_HOURS.meets(24.5)).isFalse();
        assertThat(Indicator.REPEAT_DEMAND.meets(3)).isTrue();
    }

    @Test
    void anUnmeasuredValueIsNeverOnTargetAndSaysWhy() {
        var v = IndicatorValue.unmeasured(Indicator.ALERT_HANDLING, "no acknowledgements recorded yet");
        assertThat(v.onTarget()).isFalse();
        assertThat(v.note()).contains("acknowledgements");
        assertThat(IndicatorValue.measured(Indicator.SATISFACTION, 91.5, 40).onTarget()).isTrue();
    }

    @Test
    void aValueMustBeFinite() {
        assertThatThrownBy(() -> IndicatorValue.measured(Indicator.SATISFACTION, Double.NaN, 1))
                .hasMessageContaining("satisfaction");
    }
}
