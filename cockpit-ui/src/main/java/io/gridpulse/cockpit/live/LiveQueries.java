package io.gridpulse.cockpit.live;

import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.actions.AlertHandling;

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
    private final Map<AreaCode, LiveQuery<Inbox>> inboxes = new ConcurrentHashMap<>();
    private final Map<AreaCode, LiveQuery<Long>> unread = new ConcurrentHashMap<>();
    private final AlertActions actions;

    public LiveQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.actions = new AlertActions(warehouse);
    }

    /** The inbox of an area: its newest alerts and where people stand with each (absent when nobody acted). */
    public record Inbox(List<AlertRow> alerts, Map<String, AlertHandling> handling) { }

    /** The newest alerts inside the area with their handling, so that one watcher's action shows on every screen. */
    public LiveQuery<Inbox> inboxWithin(AreaCode area) {
        return inboxes.computeIfAbsent(area, code -> new LiveQuery<>("inbox-" + code, () -> {
            var items = warehouse.alerts(AlertFilter.ANY.inArea(code), null, INBOX_SIZE).items();
            return new Inbox(items, actions.handling(items.stream().map(AlertRow::alertId).toList()));
        }, Duration.ofSeconds(1)));
    }

    /** Open alerts inside the area that nobody has acknowledged: the count in every page's header. */
    public LiveQuery<Long> unreadWithin(AreaCode area) {
        return unread.computeIfAbsent(area, code -> new LiveQuery<>("unread-" + code,
                () -> actions.unacknowledgedOpen(code), Duration.ofSeconds(2)));
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
