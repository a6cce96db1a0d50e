package io.gridpulse.warehouse.trend;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.counts.EventHours;
import io.gridpulse.warehouse.area.AreaSql;
import io.gridpulse.warehouse.sql.Sql;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last days of an area, day by day in local time: events, demands raised (from the hourly rollup, see
 * {@link EventHours}), and SLA breaches raised (withdrawn ones excluded), for the wall's trend of the week. Days without anything are present with
 * zeros, so a chart's axis has every day.
 */
public final class DailyTrend {
    /** At most this many days are asked for at once: the trend is for a screen, not for extraction. */
    public static final int MAX_DAYS = 92;
    private final Warehouse warehouse;

    public DailyTrend(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** One day of the trend. */
    public record Day(LocalDate date, long events, long demands, long breaches) { }

    /** The {@code days} days ending with {@code lastDay} (inclusive), oldest first. */
    public List<Day> days(AreaCode area, ZoneId zone, LocalDate lastDay, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a trend has 1 to " + MAX_DAYS + " days, not " + days);
        }
        var first = lastDay.minusDays(days - 1L);
        var counts = new HashMap<LocalDate, long[]>();
        // events and demands from the hourly rollup the stream jobs keep, not from millions of events
        new EventHours(warehouse).perDay(area, zone, first, lastDay).forEach((day, c) -> {
            var d = counts.computeIfAbsent(day, x -> new long[3]);
            d[0] = c[0];
            d[1] = c[1];
        });
        var breaches = warehouse.clickHouse().query(Sql.of("SELECT toString(toDate(raised_at, :zone)) AS day, count() AS breaches"
                        + " FROM gridpulse.alerts FINAL WHERE :area AND kind = 'sla_breach'"
                        + " AND NOT (status = 'cleared' AND cleared_at = raised_at)"
                        + " AND raised_at >= :from AND raised_at < :to GROUP BY day")
                        .bind("zone", zone.getId()).bindCondition("area", AreaSql.in(area))
                        .bind("from", first.atStartOfDay(zone).toInstant())
                        .bind("to", lastDay.plusDays(1).atStartOfDay(zone).toInstant()),
                row -> Map.entry(LocalDate.parse(row.text("day")), row.longValue("breaches")));
        for (var day : breaches) {
            counts.computeIfAbsent(day.getKey(), d -> new long[3])[2] = day.getValue();
        }
        var out = new ArrayList<Day>(days);
        for (var d = first; !d.isAfter(lastDay); d = d.plusDays(1)) {
            var c = counts.getOrDefault(d, new long[3]);
            out.add(new Day(d, c[0], c[1], c[2]));
        }
        return out;
    }
}
