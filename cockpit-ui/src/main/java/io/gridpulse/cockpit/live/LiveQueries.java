package io.gridpulse.cockpit.live;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AlertFilter;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live queries the cockpit's screens share, one per area asked for: every answer is filtered to
 * that area in the warehouse, so a screen can only ever be handed its own user's scope.
 */
public final class LiveQueries {
    /** How many of the newest alerts the inbox keeps on screen. */
    public static final int INBOX_SIZE = 200;

    private final Warehouse warehouse;
    private final Map<AreaCode, LiveQuery<List<AreaCount>>> countsByChild = new ConcurrentHashMap<>();
    private final Map<AreaCode, LiveQuery<List<AlertRow>>> alerts = new ConcurrentHashMap<>();

    public LiveQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Events ever stored per child of the area (streets of the county, communities of a street ...). */
    public LiveQuery<List<AreaCount>> countsByChild(AreaCode area) {
        return countsByChild.computeIfAbsent(area, code -> new LiveQuery<>("counts-" + code,
                () -> warehouse.eventCountsByChildSince(code.value(), Instant.EPOCH), Duration.ofSeconds(1)));
    }

    /** The newest alerts inside the area, newest first, each in its latest state. */
    public LiveQuery<List<AlertRow>> alertsWithin(AreaCode area) {
        return alerts.computeIfAbsent(area, code -> new LiveQuery<>("alerts-" + code,
                () -> warehouse.alerts(AlertFilter.ANY.inArea(code), null, INBOX_SIZE).items(), Duration.ofSeconds(1)));
    }
}
