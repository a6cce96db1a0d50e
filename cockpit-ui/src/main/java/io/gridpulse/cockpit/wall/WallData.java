package io.gridpulse.cockpit.wall;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.counts.EventHours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One refresh of the wall screen for one area: today's numbers and the alerts, read together so
 * that every panel on the screen speaks of the same moment.
 *
 * @param eventsToday      events that happened today (local day) in the area
 * @param demandsToday     demands created today
 * @param openAlerts       open SLA alerts of every kind
 * @param openBreaches     open breaches (cases past their deadline and not yet answered)
 * @param todayByChild     events today per child area (streets of the county, communities of a street)
 * @param breachesByChild  open breaches per child area
 * @param handledByChild   the handling of cases today per child area: responses, resolutions and closures
 */
public record WallData(long eventsToday, long demandsToday, long openAlerts, long openBreaches,
                       List<AreaCount> todayByChild, List<AreaCount> breachesByChild, List<AreaCount> handledByChild) {

    /** The steps that count as handling a case, for the red list: work done, not reports received. */
    static final List<String> HANDLING = List.of("demand.responded", "demand.resolved", "demand.closed");

    /** How many of the newest alerts the ticker shows. */
    static final int TICKER_SIZE = 12;

    static WallData read(Warehouse warehouse, String areaCode, ZoneId zone, java.time.Clock clock) {
        Instant midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        var area = AreaCode.of(areaCode);
        var hours = new EventHours(warehouse);   // the hourly rollup: a few hundred rows, not a day of events
        return new WallData(
                hours.count(area, midnight, null),
                hours.count(area, midnight, "demand.created"),
                warehouse.alerts().openCount(area, null),
                warehouse.alerts().openCount(area, AlertKind.SLA_BREACH),
                hours.countsByChild(area, midnight),
                warehouse.alerts().openCountByChild(area, AlertKind.SLA_BREACH),
                hours.countsByChild(area, midnight, HANDLING));
    }
}
