package io.gridpulse.warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The warehouse contract over embedded ClickHouse (chDB); always runs. */
class ChdbWarehouseTest extends WarehouseContract {

    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        long started = System.nanoTime();
        warehouse = Warehouse.open(TestChdb.config());
        System.out.printf("ChdbWarehouseTest: opened and migrated chDB in %d ms%n", (System.nanoTime() - started) / 1_000_000);
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
