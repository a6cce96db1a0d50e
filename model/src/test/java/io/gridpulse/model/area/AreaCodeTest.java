package io.gridpulse.model.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

    private static final AreaCode GRID = AreaCode.of("430281001001001");

    @Test
    void levelsHaveTheStatisticalDivisionCodeLengths() {
        assertThat(List.of(AreaLevel.values()).stream().map(AreaLevel::codeLength))
                .containsExactly(2, 4, 6, 9, 12, 15);
    }

    @Test
    void levelIsFoundByCodeLengthAndOnlyForThoseLengths() {
        assertThat(AreaLevel.ofCodeLength(9)).contains(AreaLevel.STREET);
        assertThat(AreaLevel.ofCodeLength(5)).isEmpty();
    }

    @Test
    void parentLevelOfProvinceIsEmptyAndOfGridIsCommunity() {
        assertThat(AreaLevel.PROVINCE.parent()).isEmpty();
        assertThat(AreaLevel.GRID.parent()).contains(AreaLevel.COMMUNITY);
    }

    @ParameterizedTest
    @CsvSource({"43,PROVINCE", "4302,CITY", "430281,COUNTY", "430281001,STREET", "430281001001,COMMUNITY",
            "430281001001001,GRID"})
    void levelIsReadFromTheLength(String code, AreaLevel level) {
        assertThat(AreaCode.of(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "430", "43028", "4302810", "43028100", "4302810010", "43028100100",
            "4302810010010", "43028100100100", "4302810010010010", "4302810010010011234"})
    void codesOfOtherLengthsAreRejected(String code) {
        assertThatThrownBy(() -> AreaCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2, 4, 6, 9, 12 or 15 digits")
                .hasMessageContaining(code);
        assertThat(AreaCode.parse(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"43028100100100A", "43 281", "-43028", "43.2", "４３", "4302 1", "43028１"})
    void codesWithAnythingButAsciiDigitsAreRejected(String code) {
        assertThatThrownBy(() -> new AreaCode(code)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AreaCode.parse(code)).isEmpty();
    }

    @Test
    void nullIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> AreaCode.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseReturnsEmptyInsteadOfThrowing(String code) {
        assertThat(AreaCode.parse(code)).isEmpty();
    }

    @Test
    void parseReturnsTheCodeWhenValid() {
        assertThat(AreaCode.parse("430281")).contains(AreaCode.of("430281"));
    }

    @Test
    void parentOfAProvinceIsEmpty() {
        assertThat(AreaCode.of("43").parent()).isEmpty();
    }

    @Test
    void parentOfAGridIsItsCommunity() {
        assertThat(GRID.parent()).contains(AreaCode.of("430281001001"));
    }

    @Test
    void parentOfAStreetIsItsCounty() {
        assertThat(AreaCode.of("430281001").parent()).contains(AreaCode.of("430281"));
    }

    @Test
    void atReturnsTheAncestorAtEachLevel() {
        assertThat(GRID.at(AreaLevel.PROVINCE)).isEqualTo(AreaCode.of("43"));
        assertThat(GRID.at(AreaLevel.CITY)).isEqualTo(AreaCode.of("4302"));
        assertThat(GRID.at(AreaLevel.COUNTY)).isEqualTo(AreaCode.of("430281"));
        assertThat(GRID.at(AreaLevel.STREET)).isEqualTo(AreaCode.of("430281001"));
        assertThat(GRID.at(AreaLevel.COMMUNITY)).isEqualTo(AreaCode.of("430281001001"));
    }

    @Test
    void atItsOwnLevelReturnsItself() {
        assertThat(GRID.at(AreaLevel.GRID)).isSameAs(GRID);
    }

    @Test
    void atALevelBelowItsOwnIsRejected() {
        assertThatThrownBy(() -> AreaCode.of("430281").at(AreaLevel.STREET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("430281")
                .hasMessageContaining("STREET");
    }

    @Test
    void lineageRunsFromTheProvinceToItself() {
        assertThat(GRID.lineage()).extracting(AreaCode::value)
                .containsExactly("43", "4302", "430281", "430281001", "430281001001", "430281001001001");
    }

    @Test
    void lineageOfAProvinceIsJustItself() {
        assertThat(AreaCode.of("43").lineage()).containsExactly(AreaCode.of("43"));
    }

    @Test
    void lineageIsImmutable() {
        assertThatThrownBy(() -> GRID.lineage().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anAreaContainsItselfAndEveryAreaBelowIt() {
        var county = AreaCode.of("430281");
        assertThat(county.contains(county)).isTrue();
        assertThat(county.contains(GRID)).isTrue();
        assertThat(county.contains(AreaCode.of("430281002"))).isTrue();
    }

    @Test
    void anAreaDoesNotContainItsAncestorsOrSiblingsOrCousins() {
        var street = AreaCode.of("430281001");
        assertThat(street.contains(AreaCode.of("430281"))).isFalse();
        assertThat(street.contains(AreaCode.of("430281002"))).isFalse();
        assertThat(street.contains(AreaCode.of("430281002001"))).isFalse();
        assertThat(AreaCode.of("43").contains(AreaCode.of("4401"))).isFalse();
    }

    @Test
    void everyAncestorInTheLineageContainsTheCode() {
        assertThat(GRID.lineage()).allSatisfy(ancestor -> assertThat(ancestor.contains(GRID)).isTrue());
    }

    @Test
    void toStringIsTheBareValue() {
        assertThat(GRID).hasToString("430281001001001");
    }

    @Test
    void codesWithTheSameValueAreEqual() {
        assertThat(AreaCode.of("430281")).isEqualTo(new AreaCode("430281")).hasSameHashCodeAs(AreaCode.of("430281"));
    }

    @Test
    void codesSortParentsBeforeChildren() {
        assertThat(List.of(GRID, AreaCode.of("4302"), AreaCode.of("430281")).stream().sorted())
                .containsExactly(AreaCode.of("4302"), AreaCode.of("430281"), GRID);
    }
}
