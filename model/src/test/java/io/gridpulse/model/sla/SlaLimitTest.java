package io.gridpulse.model.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaLimitTest {

    @Test
    void factoriesBuildTheRecords() {
        assertThat(SlaLimit.hours(24)).isEqualTo(new SlaLimit.ClockHours(Duration.ofHours(24)));
        assertThat(SlaLimit.minutes(5)).isEqualTo(new SlaLimit.ClockHours(Duration.ofMinutes(5)));
        assertThat(SlaLimit.workingDays(3)).isEqualTo(new SlaLimit.WorkingDays(3));
        assertThat(SlaLimit.every(Period.ofMonths(3))).isEqualTo(new SlaLimit.Recurring(Period.ofMonths(3)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -60})
    void aClockLimitMustBePositive(long minutes) {
        assertThatThrownBy(() -> SlaLimit.minutes(minutes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aWorkingDayLimitIsAtLeastOneDay(int days) {
        assertThatThrownBy(() -> SlaLimit.workingDays(days))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void aRecurrenceMustBeAPositivePeriod() {
        assertThatThrownBy(() -> SlaLimit.every(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaLimit.every(Period.ofWeeks(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaLimit.every(Period.of(0, 1, -3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaLimit.ClockHours(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, -5, 150})
    void aWarningPercentageLiesStrictlyBetweenZeroAndAHundred(int percent) {
        assertThatThrownBy(() -> new WarningRule.AtPercentOfAllowance(percent))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 99");
    }

    @Test
    void everyLimitKindIsHandledBySwitchingOverTheSealedFamily() {
        SlaLimit limit = SlaLimit.workingDays(3);
        var described = switch (limit) {
            case SlaLimit.ClockHours(var d) -> "clock " + d;
            case SlaLimit.WorkingDays(var n) -> n + " working days";
            case SlaLimit.Recurring(var p) -> "every " + p;
        };
        assertThat(described).isEqualTo("3 working days");
    }
}
