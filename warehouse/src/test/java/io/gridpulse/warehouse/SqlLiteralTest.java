package io.gridpulse.warehouse;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLiteralTest {

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(SqlLiteral.string("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
    }

    @Test
    void controlCharactersAreEscapedAndChinesePassesThrough() {
        assertThat(SqlLiteral.string("街道\n\t\r\0\u0001")).isEqualTo("'街道\\n\\t\\r\\0\\x01'");
    }

    @Test
    void instantsBecomeUtcMillisecondLiterals() {
        assertThat(SqlLiteral.dateTime64(Instant.parse("2026-03-14T08:30:00.1Z"))).isEqualTo("'2026-03-14 08:30:00.100'");
    }

    @Test
    void absentAndNonFiniteCoordinatesBecomeNull() {
        assertThat(SqlLiteral.nullableDouble(null)).isEqualTo("NULL");
        assertThat(SqlLiteral.nullableDouble(Double.NaN)).isEqualTo("NULL");
        assertThat(SqlLiteral.nullableDouble(120.5)).isEqualTo("120.5");
    }
}
