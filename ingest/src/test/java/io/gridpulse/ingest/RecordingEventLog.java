package io.gridpulse.ingest;

import io.gridpulse.ingest.log.EventLog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake log for the edge's unit tests: records appends, and can be told to refuse them. */
final class RecordingEventLog implements EventLog {
    record Appended(String key, String value) {}

    final List<Appended> appended = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;

    @Override
    public CompletionStage<Void> append(String key, byte[] value) {
        if (failWith != null) {
            return CompletableFuture.failedFuture(failWith);
        }
        appended.add(new Appended(key, new String(value, java.nio.charset.StandardCharsets.UTF_8)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isReachable() {
        return failWith == null;
    }

    @Override
    public void close() {
    }
}
