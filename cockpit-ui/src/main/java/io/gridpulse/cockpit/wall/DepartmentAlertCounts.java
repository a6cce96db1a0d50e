package io.gridpulse.cockpit.wall;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;

import java.util.List;

/**
 * The wall's alert figures as a department head sees them: only the alerts of the cases last assigned to
 * their department, in place of the area's in {@link WallData}.
 *
 * @param openAlerts      open alerts of the department's cases
 * @param openBreaches    open breaches of the department's cases
 * @param breachesByChild open breaches of the department's cases per child area
 */
record DepartmentAlertCounts(long openAlerts, long openBreaches, List<AreaCount> breachesByChild) {

    DepartmentAlertCounts {
        breachesByChild = List.copyOf(breachesByChild);
    }

    static DepartmentAlertCounts read(Warehouse warehouse, AreaCode area, String department) {
        var alerts = warehouse.alerts();
        return new DepartmentAlertCounts(alerts.openCount(area, department, null),
                alerts.openCount(area, department, AlertKind.SLA_BREACH),
                alerts.openCountByChild(area, department, AlertKind.SLA_BREACH));
    }
}
