package io.gridpulse.cockpit.live;

import io.gridpulse.cockpit.alerts.Arrivals;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.counts.EventHours;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The live queries the cockpit's screens share, one per area asked for: every answer is filtered to
 * that area in the warehouse, so a screen can only ever be handed its own user's scope.
 */
public final class LiveQueries {
    private final Warehouse warehouse;
    private final LiveQueryCache<AreaCode, List<AreaCount>> countsByChild;
    private final LiveQueryCache<AreaCode, String> changes;
    private final LiveQueryCache<Reader, Long> unread;
    private final LiveQueryCache<Reader, List<Alert>> urgent;

    public LiveQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.changes = new LiveQueryCache<>(code -> new LiveQuery<>("alert-changes-" + code,
                () -> warehouse.alerts().changeStamp(code), Duration.ofSeconds(1)));
        this.unread = new LiveQueryCache<>(reader -> new LiveQuery<>("unread-" + reader,
                () -> warehouse.alerts().unhandledCount(reader.area(), reader.department()), Duration.ofSeconds(2)));
        this.urgent = new LiveQueryCache<>(reader -> new LiveQuery<>("urgent-" + reader,
                () -> warehouse.alerts().page(AlertFilter.ANY.inArea(reader.area()).ofDepartment(reader.department())
                        .ofKinds(Arrivals.URGENT).withStatus(AlertStatus.OPEN), null, 50).items(), Duration.ofSeconds(2)));
        this.countsByChild = new LiveQueryCache<>(code -> new LiveQuery<>("counts-" + code,
                () -> new EventHours(warehouse).countsByChild(code, Instant.EPOCH), Duration.ofSeconds(1)));
    }

    /**
     * Whose alerts a live query reads: an area and, optionally, one department (the alerts of the cases last
     * assigned to it; see {@link io.gridpulse.warehouse.cases.CaseDepartments}). Screens of the same reader share
     * one query; a department head's screens never share one with the rest of the area.
     */
    private record Reader(AreaCode area, String department) {
        @Override
        public String toString() {
            return area + (department == null ? "" : "-" + department);
        }
    }

    /**
     * A stamp that changes whenever an alert of the area is raised or changes state, or someone acts on one: the
     * inbox reads its page again when it changes, so one watcher's action shows on every screen within a second.
     */
    public LiveQuery<String> alertChangesWithin(AreaCode area) {
        return changes.get(area);
    }

    /** Open alerts inside the area that nobody has acknowledged: the count in every page's header. */
    public LiveQuery<Long> unreadWithin(AreaCode area) {
        return unreadWithin(area, null);
    }

    /**
     * {@link #unreadWithin(AreaCode)} of one department's alerts only; null for every alert of the area. The inbox's
     * "unhandled" figure is the same query ({@link io.gridpulse.warehouse.alerts.AlertStore#unhandledCount}).
     */
    public LiveQuery<Long> unreadWithin(AreaCode area, String department) {
        return unread.get(new Reader(area, department));
    }

    /**
     * The newest open urgent alerts ({@link Arrivals#URGENT}: SOS, breaches, escalations; at most 50) inside the area,
     * of one department's cases or of all (null): what every page of a watcher listens to, to hear of a new one wherever
     * they are in the cockpit.
     */
    public LiveQuery<List<Alert>> urgentWithin(AreaCode area, String department) {
        return urgent.get(new Reader(area, department));
    }

    /** Events ever stored per child of the area (streets of the county, communities of a street ...). */
    public LiveQuery<List<AreaCount>> countsByChild(AreaCode area) {
        return countsByChild.get(area);
    }
}
