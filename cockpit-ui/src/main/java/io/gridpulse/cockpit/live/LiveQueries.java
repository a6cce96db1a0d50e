package io.gridpulse.cockpit.live;

import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;

import java.time.Duration;
import java.util.List;

/** The live queries the cockpit's screens share, one instance each per server. */
public final class LiveQueries {
    /** How many of the newest alerts the inbox keeps on screen. */
    public static final int INBOX_SIZE = 200;

    private final LiveQuery<List<AreaCount>> streetCounts;
    private final LiveQuery<List<AlertRow>> recentAlerts;

    public LiveQueries(Warehouse warehouse) {
        this.streetCounts = new LiveQuery<>("street-counts", warehouse::eventCountsByStreet, Duration.ofSeconds(1));
        this.recentAlerts = new LiveQuery<>("recent-alerts", () -> warehouse.recentAlerts(INBOX_SIZE), Duration.ofSeconds(1));
    }

    public LiveQuery<List<AreaCount>> streetCounts() {
        return streetCounts;
    }

    public LiveQuery<List<AlertRow>> recentAlerts() {
        return recentAlerts;
    }
}
