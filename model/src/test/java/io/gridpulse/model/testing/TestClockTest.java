package io.gridpulse.model.testing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestClockTest {
    private static final Clock SYSTEM = Clock.fixed(Instant.parse("2026-12-07T05:52:00Z"), ZoneOffset.UTC);

    @Test
    void withoutTheSettingItIsTheSystemClock() {
        assertThat(TestClock.from(null, SYSTEM)).isSameAs(SYSTEM);
        assertThat(TestClock.from(" ", SYSTEM)).isSameAs(SYSTEM);
    }

    @Test
    void aMomentWithItsOffsetStartsTheClockThere() {
        var moved = TestClock.from("2026-12-13T23:59:00+08:00", SYSTEM);
        assertThat(moved.instant()).isEqualTo(Instant.parse("2026-12-13T15:59:00Z"));
    }

    @Test
    void aMomentWithoutItsOffsetIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TestClock.from("2026-12-13 23:59", SYSTEM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dgridpulse.test.clock").hasMessageContaining("2026-12-13 23:59");
    }
}
