package io.gridpulse.warehouse.sql;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlTest {

    @Test
    void parametersAreReplacedByEscapedLiteralsEveryTimeTheyOccur() {
        var sql = Sql.of("SELECT 1 FROM t WHERE a = :name OR b = :name AND c < :n AND d >= :at AND has(:kinds, k)")
                .bind("name", "it's \\ 你好").bind("n", 42).bind("at", Instant.parse("2026-12-07T01:02:03.004Z"))
                .bindStrings("kinds", List.of("sla_breach", "x'y"));
        assertThat(sql.render()).isEqualTo("SELECT 1 FROM t WHERE a = 'it\\'s \\\\ 你好' OR b = 'it\\'s \\\\ 你好' AND c < 42"
                + " AND d >= toDateTime64('2026-12-07 01:02:03.004', 3, 'UTC') AND has(['sla_breach', 'x\\'y'], k)");
    }

    @Test
    void colonsInsideQuotedTextAndCastsAreNotParameters() {
        var sql = Sql.of("SELECT 'a:b', 'it\\'s :not', x::String FROM t WHERE y = :y").bind("y", "v");
        assertThat(sql.render()).isEqualTo("SELECT 'a:b', 'it\\'s :not', x::String FROM t WHERE y = 'v'");
    }

    @Test
    void aValueThatLooksLikeAParameterStaysAValue() {
        // a bound value is never read again for parameters: ':y' below is the text of the value
        var sql = Sql.of("SELECT :x, :y").bind("x", ":y").bind("y", "z");
        assertThat(sql.render()).isEqualTo("SELECT ':y', 'z'");
    }

    @Test
    void conditionsNestInParenthesesAndJoinWithAnd() {
        var inner = Sql.all(List.of(Sql.of("a = :a").bind("a", "x:y"), Sql.of("b > :b").bind("b", 1)));
        assertThat(Sql.of("SELECT * FROM t WHERE :where").bindCondition("where", inner).render())
                .isEqualTo("SELECT * FROM t WHERE ((a = 'x:y') AND (b > 1))");
        assertThat(Sql.all(List.of()).render()).isEqualTo("1");
    }

    @Test
    void aMissingAnUnusedOrATwiceBoundParameterIsAnError() {
        assertThatThrownBy(() -> Sql.of("SELECT :a").render()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":a is not bound");
        assertThatThrownBy(() -> Sql.of("SELECT 1").bind("typo", "x").render()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[typo]");
        assertThatThrownBy(() -> Sql.of("SELECT :a").bind("a", 1).bind("a", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sql.of("SELECT :a").bind("a; DROP", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDoubleBindsAsJavaWritesItAndOnlyWhenFinite() {
        assertThat(Sql.of("SELECT :a, :b, :c").bind("a", 20.0).bind("b", -0.5).bind("c", 1e-7).render())
                .isEqualTo("SELECT 20.0, -0.5, 1.0E-7");
        assertThat(Sql.of("SELECT :n").bind("n", 20).render()).as("an int stays an integer").isEqualTo("SELECT 20");
        assertThatThrownBy(() -> Sql.of("SELECT :x").bind("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sql.of("SELECT :x").bind("x", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullBindsNull() {
        assertThat(Sql.of("SELECT :s, :t").bind("s", (String) null).bind("t", (Instant) null).render())
                .isEqualTo("SELECT NULL, NULL");
    }

    @Test
    void aRowReadsTypedColumnsAndNamesTheColumnItCannotRead() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("s", "text");
        values.put("n", 7L);
        values.put("d", 0.5);
        values.put("ms", 1_000L);
        values.put("none", null);
        var row = new Row(values);
        assertThat(row.string("s")).isEqualTo("text");
        assertThat(row.longValue("n")).isEqualTo(7);
        assertThat(row.intValue("n")).isEqualTo(7);
        assertThat(row.doubleValue("d")).isEqualTo(0.5);
        assertThat(row.instantFromMillis("ms")).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(row.instantFromMillis("none")).isNull();
        assertThat(row.text("none")).isEmpty();
        assertThat(row.nullableDouble("none")).isNull();
        assertThatThrownBy(() -> row.longValue("none")).hasMessageContaining("none is NULL");
        assertThatThrownBy(() -> row.longValue("s")).hasMessageContaining("s holds String");
        assertThatThrownBy(() -> row.string("missing")).hasMessageContaining("no column missing");
        assertThat(new Row(Map.of()).values()).isEmpty();
    }
}
