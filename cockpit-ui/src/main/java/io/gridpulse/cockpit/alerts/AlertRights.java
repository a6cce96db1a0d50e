package io.gridpulse.cockpit.alerts;

import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseDepartments;

import java.util.Optional;

/**
 * Whether a user may acknowledge, assign, comment on or escalate an alert, decided on the server from the
 * stored data and never from what the page shows: the permission, the alert's area inside the user's scope
 * and, for a department head, the alert being about a case last assigned to their department now (a case
 * reassigned a second ago is no longer theirs). An alert about no case (a device, a visit clock, a hall, a
 * plaque) belongs to no department, so a department head may not act on it.
 */
public final class AlertRights {
    private final CaseDepartments departments;

    public AlertRights(Warehouse warehouse) {
        this.departments = new CaseDepartments(warehouse);
    }

    /** Why the user may not act on the alert, for the audit log; empty when they may. */
    public Optional<String> refusal(CockpitUser user, Alert alert) {
        if (!user.may(Permission.HANDLE_ALERTS)) {
            return Optional.of("the role " + user.role().wireName() + " lacks " + Permission.HANDLE_ALERTS);
        }
        // the alert's finest known area: a community watcher may handle an alert placed only in their community
        var area = AreaCode.parse(alert.area().finest()).orElse(null);
        if (area == null || !user.canSee(area)) {
            return Optional.of("outside the scope " + user.scope());
        }
        if (user.department() != null && !departments.belongsTo(alert, user.scope(), user.department())) {
            return Optional.of("not a case of " + user.department());
        }
        return Optional.empty();
    }
}
