package io.gridpulse.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @Test
    void anIdNumberKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(Masking.maskIdNumber("430281198507151234")).isEqualTo("430281********1234");
        assertThat(Masking.maskIdNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void aMobileKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.maskPhone("13812345678")).isEqualTo("138****5678");
    }

    @ParameterizedTest
    @CsvSource({"+8613812345678, 138****5678", "+86 138-1234-5678, 138****5678", "0731-23456789, 073*****6789"})
    void phonesAreMaskedOnTheirDigits(String phone, String masked) {
        assertThat(Masking.maskPhone(phone)).isEqualTo(masked);
    }

    @Test
    void shortValuesAreMaskedEntirely() {
        assertThat(Masking.maskIdNumber("1234567890")).isEqualTo("**********");
        assertThat(Masking.maskPhone("1234567")).isEqualTo("*******");
        assertThat(Masking.maskIdNumber("")).isEmpty();
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.maskIdNumber(null)).isNull();
        assertThat(Masking.maskPhone(null)).isNull();
    }

    @Test
    void maskedValuesNeverContainTheMiddleDigits() {
        assertThat(Masking.maskIdNumber("430281198507151234")).doesNotContain("19850715");
        assertThat(Masking.maskPhone("13812345678")).doesNotContain("1234");
    }
}
