package io.gridpulse.cockpit.map;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.counts.EventHours;
import io.gridpulse.warehouse.layers.AreaCoverage;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers the map explorer shows for one area: its own figures for the side panel and one
 * indicator per child area for the map, all read for that area only (the caller checked the scope).
 *
 * @param eventsToday  events today (local day)
 * @param events7Days  events in the last 7 days (from the start of the hour 7 days ago)
 * @param demandsToday demands created today
 * @param openAlerts   open alerts of every kind
 * @param openBreaches open breaches
 * @param byChild      the chosen indicator per child area code (only children with a non-zero value; for
 *                     visit coverage, the rounded percentage of every child with registered households)
 */
public record AreaFigures(long eventsToday, long events7Days, long demandsToday, long openAlerts, long openBreaches,
                          Map<String, Long> byChild) {

    public static AreaFigures read(Warehouse warehouse, Region region, AreaCode area, Indicator indicator, ZoneId zone,
                                   Instant now) {
        var code = area.value();
        var midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        var weekAgo = now.minus(Duration.ofDays(7));
        var hours = new EventHours(warehouse);   // counts from the hourly rollup, in whole hours
        Map<String, Long> byChild;
        if (indicator == Indicator.VISIT_COVERAGE) {
            // this month's visits; the query answers for a grid itself and for the children of anything else
            var monthStart = LocalDate.ofInstant(now, zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
            var coverage = new HashMap<String, Long>();
            for (AreaCoverage c : new MapLayerQueries(warehouse).visitCoverageByChild(area, monthStart, now)) {
                if (c.households() > 0 && !c.areaCode().isEmpty()) {
                    coverage.put(c.areaCode(), Math.round(c.percent()));
                }
            }
            byChild = Map.copyOf(coverage);
        } else if (region.children(area).isEmpty()) {
            // a grid: its own value is its map
            long own = switch (indicator) {
                case EVENTS_7_DAYS -> hours.count(area, weekAgo, null);
                case OPEN_ALERTS -> warehouse.alerts().openCount(area, null);
                case OPEN_BREACHES -> warehouse.alerts().openCount(area, AlertKind.SLA_BREACH);
                case VISIT_COVERAGE -> throw new IllegalStateException("coverage is read above");
            };
            byChild = own == 0 ? Map.of() : Map.of(code, own);
        } else {
            byChild = switch (indicator) {
                case EVENTS_7_DAYS -> toMap(hours.countsByChild(area, weekAgo));
                case OPEN_ALERTS -> toMap(warehouse.alerts().openCountByChild(area, null));
                case OPEN_BREACHES -> toMap(warehouse.alerts().openCountByChild(area, AlertKind.SLA_BREACH));
                case VISIT_COVERAGE -> throw new IllegalStateException("coverage is read above");
            };
        }
        return new AreaFigures(hours.count(area, midnight, null), hours.count(area, weekAgo, null),
                hours.count(area, midnight, "demand.created"), warehouse.alerts().openCount(area, null),
                warehouse.alerts().openCount(area, AlertKind.SLA_BREACH), byChild);
    }

    private static Map<String, Long> toMap(List<AreaCount> counts) {
        var map = new HashMap<String, Long>();
        counts.stream().filter(c -> !c.areaCode().isEmpty()).forEach(c -> map.put(c.areaCode(), c.events()));
        return Map.copyOf(map);
    }
}
