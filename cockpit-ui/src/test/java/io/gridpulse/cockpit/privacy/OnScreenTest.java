package io.gridpulse.cockpit.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnScreenTest {

    @Test
    void idNumbersAndPhonesInsideTextAreMasked() {
        assertThat(OnScreen.mask("居民 430281199001011234 来电 13812345678 反映"))
                .isEqualTo("居民 430281********1234 来电 138****5678 反映");
        assertThat(OnScreen.mask("ID 43028119900101123X, tel +86 139 0000")).contains("430281********123X");
        assertThat(OnScreen.mask("landline 0731-22334455.")).isEqualTo("landline 073*****4455.");
    }

    @Test
    void areaCodesCaseIdsAndOrdinaryNumbersAreLeftAlone() {
        var text = "grid 439901104002003, community 439901104002, case c-2026-000123, 12 cases, due 2026-10-11";
        assertThat(OnScreen.mask(text)).isEqualTo(text);
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(OnScreen.mask(null)).isNull();
        assertThat(OnScreen.mask("")).isEmpty();
    }
}
