package io.gridpulse.cockpit.live;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AlertFilter;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.actions.AlertHandling;
import io.gridpulse.warehouse.counts.EventHours;

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
    private final Map<Reader, LiveQuery<List<Alert>>> alerts = new ConcurrentHashMap<>();
    private final Map<Reader, LiveQuery<Inbox>> inboxes = new ConcurrentHashMap<>();
    private final Map<Reader, LiveQuery<Long>> unread = new ConcurrentHashMap<>();
    private final AlertActions actions;

    public LiveQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.actions = new AlertActions(warehouse);
    }

    /** The inbox of an area: its newest alerts and where people stand with each (absent when nobody acted). */
    public record Inbox(List<Alert> alerts, Map<String, AlertHandling> handling) { }

    /**
     * Whose alerts a live query reads: an area and, optionally, one department (the alerts of the cases last
     * assigned to it; see {@link io.gridpulse.warehouse.cases.CaseDepartments}). Screens of the same reader share
     * one query; a department head's screens never share one with the rest of the area.
     */
    private record Reader(AreaCode area, String department) {
        AlertFilter filter() {
            return AlertFilter.ANY.inArea(area).ofDepartment(department);
        }

        @Override
        public String toString() {
            return area + (department == null ? "" : "-" + department);
        }
    }

    /** The newest alerts inside the area with their handling, so that one watcher's action shows on every screen. */
    public LiveQuery<Inbox> inboxWithin(AreaCode area) {
        return inboxWithin(area, null);
    }

    /** {@link #inboxWithin(AreaCode)} of one department's alerts only; null for every alert of the area. */
    public LiveQuery<Inbox> inboxWithin(AreaCode area, String department) {
        return inboxes.computeIfAbsent(new Reader(area, department), reader -> new LiveQuery<>("inbox-" + reader, () -> {
            var items = warehouse.alerts(reader.filter(), null, INBOX_SIZE).items();
            return new Inbox(items, actions.handling(items.stream().map(Alert::alertId).toList()));
        }, Duration.ofSeconds(1)));
    }

    /** Open alerts inside the area that nobody has acknowledged: the count in every page's header. */
    public LiveQuery<Long> unreadWithin(AreaCode area) {
        return unreadWithin(area, null);
    }

    /** {@link #unreadWithin(AreaCode)} of one department's alerts only; null for every alert of the area. */
    public LiveQuery<Long> unreadWithin(AreaCode area, String department) {
        return unread.computeIfAbsent(new Reader(area, department), reader -> new LiveQuery<>("unread-" + reader,
                () -> actions.unacknowledgedOpen(reader.area(), reader.department()), Duration.ofSeconds(2)));
    }

    /** Events ever stored per child of the area (streets of the county, communities of a street ...). */
    public LiveQuery<List<AreaCount>> countsByChild(AreaCode area) {
        return countsByChild.computeIfAbsent(area, code -> new LiveQuery<>("counts-" + code,
                () -> new EventHours(warehouse).countsByChild(code, Instant.EPOCH), Duration.ofSeconds(1)));
    }

    /** The newest alerts inside the area, newest first, each in its latest state. */
    public LiveQuery<List<Alert>> alertsWithin(AreaCode area) {
        return alertsWithin(area, null);
    }

    /** {@link #alertsWithin(AreaCode)} of one department's alerts only; null for every alert of the area. */
    public LiveQuery<List<Alert>> alertsWithin(AreaCode area, String department) {
        return alerts.computeIfAbsent(new Reader(area, department), reader -> new LiveQuery<>("alerts-" + reader,
                () -> warehouse.alerts(reader.filter(), null, INBOX_SIZE).items(), Duration.ofSeconds(1)));
    }
}
