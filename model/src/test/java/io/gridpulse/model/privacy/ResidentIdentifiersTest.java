package io.gridpulse.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.model.Samples;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdentifiersTest {

    @Test
    void theStandardsExampleIdNumberIsValid() {
        assertThat(ResidentIdentifiers.isValidIdNumber("11010519491231002X")).isTrue();
        assertThat(ResidentIdentifiers.isValidIdNumber("11010519491231002x")).isTrue();
    }

    @Test
    void everyOtherCheckDigitIsInvalid() {
        for (char c : "0123456789".toCharArray()) {
            assertThat(ResidentIdentifiers.isValidIdNumber("11010519491231002" + c)).as("check digit %s", c).isFalse();
        }
    }

    @Test
    void idNumbersComputedWithTheTestsOwnAlgorithmAreValid() {
        var random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            var first17 = String.format("%06d%08d%03d", random.nextInt(1_000_000), random.nextInt(100_000_000),
                    random.nextInt(1000));
            var id = first17 + Samples.checkDigit(first17);
            assertThat(ResidentIdentifiers.isValidIdNumber(id)).as(id).isTrue();
            assertThat(ResidentIdentifiers.checkDigit(first17)).isEqualTo(id.charAt(17));
        }
    }

    @Test
    void changingAnyOneDigitBreaksTheChecksum() {
        var id = Samples.idNumber("430281", "19850715", "123");
        for (int i = 0; i < 17; i++) {
            var digit = id.charAt(i) - '0';
            var changed = id.substring(0, i) + (char) ('0' + (digit + 1) % 10) + id.substring(i + 1);
            assertThat(ResidentIdentifiers.isValidIdNumber(changed)).as(changed).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002XX", "1101051949123100X2", "A1010519491231002X",
            "１１010519491231002X", " 11010519491231002X"})
    void malformedIdNumbersAreInvalid(String id) {
        assertThat(ResidentIdentifiers.isValidIdNumber(id)).isFalse();
    }

    @Test
    void nullIsNeitherAValidIdNumberNorAValidPhone() {
        assertThat(ResidentIdentifiers.isValidIdNumber(null)).isFalse();
        assertThat(ResidentIdentifiers.isValidPhone(null)).isFalse();
    }

    @Test
    void theCheckDigitNeedsSeventeenDigits() {
        assertThatThrownBy(() -> ResidentIdentifiers.checkDigit("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"13812345678, 13812345678", "+8613812345678, 13812345678", "+86 138-1234-5678, 13812345678",
            "008613812345678, 13812345678", "0731-23456789, 073123456789", " 138 1234 5678 , 13812345678"})
    void phonesNormaliseToDigitsWithoutTheCountryCode(String phone, String normalised) {
        assertThat(ResidentIdentifiers.normalisePhone(phone)).isEqualTo(normalised);
    }

    @Test
    void idNumbersNormaliseToUpperCase() {
        assertThat(ResidentIdentifiers.normaliseIdNumber(" 11010519491231002x ")).isEqualTo("11010519491231002X");
    }

    @Test
    void idNumbersAreToldApartFromPhones() {
        assertThat(ResidentIdentifiers.looksLikeIdNumber("11010519491231002x")).isTrue();
        assertThat(ResidentIdentifiers.looksLikeIdNumber("13812345678")).isFalse();
        assertThat(ResidentIdentifiers.looksLikeIdNumber("+8613812345678")).isFalse();
    }
}
