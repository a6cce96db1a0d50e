package io.gridpulse.warehouse.heat;

import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The heat contract over embedded ClickHouse (chDB); always runs. */
class ChdbHeatQueriesTest extends HeatQueriesContract {
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Override
    protected Warehouse warehouse() {
        return warehouse;
    }
}
