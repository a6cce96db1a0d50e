package io.gridpulse.ingest.alerts;

/**
 * What fills the {@link AlertFeed}: the alerts topic in service ({@link KafkaAlertSource}), a
 * test's own hand in tests. Started with the server, closed when it stops.
 */
public interface AlertSource extends AutoCloseable {

    /** Starts filling the feed; must return at once (the work belongs on a thread of the source's own). */
    void start(AlertFeed feed);

    /** Stops filling the feed and releases what the source holds; may block briefly. */
    @Override
    void close();
}
