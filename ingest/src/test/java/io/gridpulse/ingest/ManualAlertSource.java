package io.gridpulse.ingest;

import io.gridpulse.ingest.alerts.AlertFeed;
import io.gridpulse.ingest.alerts.AlertSource;

/** An alert source for tests: it only remembers the feed, which the test fills itself. */
final class ManualAlertSource implements AlertSource {
    volatile AlertFeed feed;
    volatile boolean closed;

    @Override
    public void start(AlertFeed feed) {
        this.feed = feed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
