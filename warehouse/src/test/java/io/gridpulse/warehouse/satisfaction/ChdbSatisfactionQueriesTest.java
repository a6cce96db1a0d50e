package io.gridpulse.warehouse.satisfaction;

import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The satisfaction contract over embedded ClickHouse (chDB); always runs. */
class ChdbSatisfactionQueriesTest extends SatisfactionQueriesContract {
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
