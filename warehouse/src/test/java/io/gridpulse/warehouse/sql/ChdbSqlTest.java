package io.gridpulse.warehouse.sql;

import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bound values as embedded ClickHouse (chDB) reads them back: the text a binder writes is a literal it parses. */
class ChdbSqlTest {
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void doublesReadBackExactlyWhateverNotationJavaWritesThemIn() {
        var row = warehouse.clickHouse().query(Sql.of("SELECT :plain AS plain, :small AS small, :large AS large,"
                        + " :negative AS negative, :whole < 20.5 AS below")
                        .bind("plain", 20.0).bind("small", 1e-7).bind("large", 1.5e21).bind("negative", -0.25)
                        .bind("whole", 20.0),
                r -> r).getFirst();
        assertThat(row.doubleValue("plain")).isEqualTo(20.0);
        assertThat(row.doubleValue("small")).isEqualTo(1e-7);
        assertThat(row.doubleValue("large")).isEqualTo(1.5e21);
        assertThat(row.doubleValue("negative")).isEqualTo(-0.25);
        assertThat(row.values().get("below")).isIn(true, 1L);
    }
}
