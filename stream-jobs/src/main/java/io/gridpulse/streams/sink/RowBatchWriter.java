package io.gridpulse.streams.sink;

import io.gridpulse.warehouse.Warehouse;

import java.io.Serializable;
import java.util.List;

/** Writes one batch of rows with one of the warehouse's insert methods; must be idempotent for exactly-once results. */
@FunctionalInterface
public interface RowBatchWriter<T> extends Serializable {
    void write(Warehouse warehouse, List<T> rows);
}
