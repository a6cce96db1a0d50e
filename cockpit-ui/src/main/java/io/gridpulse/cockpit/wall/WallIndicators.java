package io.gridpulse.cockpit.wall;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.kpi.Indicator;
import io.gridpulse.model.kpi.IndicatorValue;
import io.gridpulse.warehouse.kpi.KpiQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The twelve indicators of an area for this month so far, with last month's values for the trend
 * arrows. Read together, less often than the live counts: month-to-date figures move slowly.
 */
record WallIndicators(List<IndicatorValue> thisMonth, Map<Indicator, IndicatorValue> lastMonth) {

    /** Last month's values per area and month: a closed month changes only by late uploads, so an hour old is fresh enough. */
    private static final Map<String, Cached> LAST_MONTH = new java.util.concurrent.ConcurrentHashMap<>();
    static final java.time.Duration LAST_MONTH_FRESH = java.time.Duration.ofHours(1);

    private record Cached(Map<Indicator, IndicatorValue> values, java.time.Instant readAt) { }

    static WallIndicators read(KpiQueries queries, AreaCode area, ZoneId zone, Clock clock) {
        var now = clock.instant();
        var first = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        var monthStart = first.atStartOfDay(zone).toInstant();
        var key = area.value() + "/" + first.minusMonths(1);
        var cached = LAST_MONTH.get(key);
        if (cached == null || cached.readAt().plus(LAST_MONTH_FRESH).isBefore(now)) {
            var previous = new EnumMap<Indicator, IndicatorValue>(Indicator.class);
            for (var v : queries.indicators(area, first.minusMonths(1).atStartOfDay(zone).toInstant(), monthStart, now)) {
                previous.put(v.indicator(), v);
            }
            cached = new Cached(Map.copyOf(previous), now);
            // one entry per area shown; a new month's key replaces the old month's, which is dropped
            LAST_MONTH.keySet().removeIf(k -> k.startsWith(area.value() + "/"));
            LAST_MONTH.put(key, cached);
        }
        return new WallIndicators(queries.indicators(area, monthStart, first.plusMonths(1).atStartOfDay(zone).toInstant(), now),
                cached.values());
    }

    /** +1 when the value moved the good way since last month, -1 the bad way, 0 when unchanged or unknown. */
    static int trend(IndicatorValue now, IndicatorValue before) {
        if (now.value() == null || before == null || before.value() == null) {
            return 0;
        }
        double delta = now.value() - before.value();
        if (Math.abs(delta) < 0.05) {
            return 0;
        }
        boolean up = delta > 0;
        return up == (now.indicator().better() == Indicator.Better.HIGHER) ? 1 : -1;
    }
}
