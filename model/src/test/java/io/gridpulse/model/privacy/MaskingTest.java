package io.gridpulse.model.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** The review's list: each written as residents and hotline staff do, each masked, nothing else touched. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "请回电 13812345678|请回电 138****5678",
            "tel13812345678|tel138****5678",
            "电话138 1234 5678。|电话138****5678。",
            "138-1234-5678|138****5678",
            "+86 138 1234 5678 张|138****5678 张",
            "８６１３８１２３４５６７８|138****5678",
            "手机１３８１２３４５６７８号|手机138****5678号",
            "座机07312345678|座机073****5678",
            "座机0731-12345678转|座机073*****5678转",
            "老证430281850715123|老证430281*****5123",
            "身份证号：430281850715123。|身份证号：430281*****5123。",
            "id 430281850715123|id 430281*****5123",
            "ID430281198507151234X|ID430281********1234X",
            "证号43028119900101123X。|证号430281********123X。",
            "abc430281199001011234def|abc430281********1234def",
            "两个号码 13812345678 13912345678|两个号码 138****5678 139****5678",
    })
    void identifiersInFreeTextAreMaskedHoweverTheyAreWritten(String text, String masked) {
        assertThat(Masking.maskText(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-07 10:30 第3网格1号楼",
            "case-20261207-0001",
            "工单 1234567890123456",
            "温度 36.5 度，心率 88",
            "第12345号",
            "grid 439901104002003, community 439901104002",
            "网格 439901001001001 的工单",
    })
    void textWithoutIdentifiersIsLeftAsWritten(String text) {
        assertThat(Masking.maskText(text)).isEqualTo(text);
    }
}
