package io.gridpulse.ingest.log;

import java.util.concurrent.CompletionStage;

/** The durable log behind the edge: an append completes only once the log has the record. */
public interface EventLog extends AutoCloseable {

    /**
     * Appends one record. The stage completes when the log acknowledged it durably, fails with
     * {@link LogUnavailableException} when the log is down or too slow, and with
     * {@link LogBusyException} at once when too many appends are already in flight.
     */
    CompletionStage<Void> append(String key, byte[] value);

    /** Whether the log answered recently; readiness reflects it. */
    boolean isReachable();

    @Override
    void close();

    /** Too many appends in flight: the client should retry shortly. */
    final class LogBusyException extends RuntimeException {
        public LogBusyException(String message) {
            super(message, null, false, false);
        }
    }

    /** The log did not acknowledge in time or refused the record. */
    final class LogUnavailableException extends RuntimeException {
        public LogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
