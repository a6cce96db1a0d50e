package io.gridpulse.model.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SatisfactionIndexTest {

    @Test
    void anAreaWithoutRatingsGetsItsParentsMean() {
        assertThat(SatisfactionIndex.of(0, 0, 0.85, 20)).isCloseTo(85.0, within(1e-9));
    }

    @Test
    void fewPerfectRatingsAreShrunkTowardTheParent() {
        // 5 ratings of 1.0 against a parent at 0.8 with m = 20: (5 + 16) / 25 = 0.84
        assertThat(SatisfactionIndex.of(5, 1.0, 0.8, 20)).isCloseTo(84.0, within(1e-9));
    }

    @Test
    void manyRatingsOutweighThePrior() {
        // 980 ratings at 0.9, parent 0.5, m = 20: (882 + 10) / 1000 = 0.892
        assertThat(SatisfactionIndex.of(980, 0.9, 0.5, 20)).isCloseTo(89.2, within(1e-9));
    }

    @Test
    void scoresOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> SatisfactionIndex.of(3, 4.5, 0.8, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SatisfactionIndex.of(3, 0.5, 0.8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
