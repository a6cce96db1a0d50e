package io.gridpulse.streams.sink;

import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink into ClickHouse tables. Rows are buffered and written when the buffer is full, when the
 * oldest row has waited {@code maxDelay}, and always before a checkpoint completes. Together with
 * idempotent tables (ReplacingMergeTree on a deterministic key) a replay after restore rewrites
 * the same rows, so results are exactly once.
 */
public final class WarehouseSink<T> implements Sink<T> {
    private final WarehouseConfig config;
    private final RowBatchWriter<T> batchWriter;
    private final int maxRows;
    private final Duration maxDelay;

    public WarehouseSink(WarehouseConfig config, RowBatchWriter<T> batchWriter, int maxRows, Duration maxDelay) {
        this.config = config;
        this.batchWriter = batchWriter;
        this.maxRows = maxRows;
        this.maxDelay = maxDelay;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(Warehouse.open(config), batchWriter, maxRows, maxDelay.toMillis(),
                context.getProcessingTimeService());
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final Warehouse warehouse;
        private final RowBatchWriter<T> batchWriter;
        private final int maxRows;
        private final long maxDelayMillis;
        private final ProcessingTimeService time;
        private List<T> buffer = new ArrayList<>();
        private boolean timerSet;

        Writer(Warehouse warehouse, RowBatchWriter<T> batchWriter, int maxRows, long maxDelayMillis, ProcessingTimeService time) {
            this.warehouse = warehouse;
            this.batchWriter = batchWriter;
            this.maxRows = maxRows;
            this.maxDelayMillis = maxDelayMillis;
            this.time = time;
        }

        @Override
        public void write(T row, Context context) throws IOException {
            buffer.add(row);
            if (buffer.size() >= maxRows) {
                writeBuffer();
            } else if (!timerSet) {
                timerSet = true;
                // timer callbacks run in the task's mailbox thread, never beside write()
                time.registerTimer(time.getCurrentProcessingTime() + maxDelayMillis, ignored -> {
                    timerSet = false;
                    writeBuffer();
                });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            writeBuffer();
        }

        private void writeBuffer() throws IOException {
            if (buffer.isEmpty()) {
                return;
            }
            var batch = buffer;
            buffer = new ArrayList<>();
            try {
                batchWriter.write(warehouse, batch);
            } catch (RuntimeException e) {
                // fail the task: Flink restores the last checkpoint and replays, nothing is lost
                throw new IOException("could not write " + batch.size() + " rows to the warehouse: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            warehouse.close();
        }
    }
}
