import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.kpi.KpiQueries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * Times the cockpit's named queries on a warehouse folder, with nothing else running: the medians and
 * maxima of N rounds of each. Usage: java -cp ... WarehouseProbe DATA_DIR [ROUNDS]
 * where DATA_DIR is the warehouse folder of a GridPulse data directory (for example one left by cockpit-load.sh).
 */
public final class WarehouseProbe {
    public static void main(String[] args) {
        var dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var zone = ZoneId.of("Asia/Shanghai");
        long t0 = System.nanoTime();
        try (var warehouse = Warehouse.open(WarehouseConfig.embedded(dir))) {
            System.out.printf("open and migrate: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            // a migration that materialises a column rewrites the parts in the background: wait, so it does not skew the timings
            while (((Number) warehouse.clickHouse().query("SELECT count() AS n FROM system.mutations WHERE NOT is_done")
                    .getFirst().get("n")).longValue() > 0) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            System.out.printf("background mutations done: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            var now = Instant.ofEpochMilli(((Number) warehouse.clickHouse()
                    .query("SELECT toUnixTimestamp64Milli(max(occurred_at)) AS t FROM gridpulse.events").getFirst().get("t")).longValue());
            var region = Region.demo();
            var city = region.roots().getFirst().code();
            var street = region.children(city).getFirst().code();
            var community = region.children(street).getFirst().code();
            System.out.printf("now=%s city=%s street=%s community=%s events=%d%n", now, city, street, community,
                    warehouse.events().distinctCount());
            var midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
            var monthStart = LocalDate.ofInstant(now, zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
            var kpi = new KpiQueries(warehouse);
            var probes = new LinkedHashMap<String, Supplier<Object>>();
            probes.put("wall: events today, city", () -> warehouse.events().countSince(city.value(), midnight, null));
            probes.put("wall: demands today, city", () -> warehouse.events().countSince(city.value(), midnight, "demand.created"));
            probes.put("wall: today by street", () -> warehouse.events().countsByChildSince(city.value(), midnight));
            probes.put("wall: open breaches by street", () -> warehouse.alerts().openCountByChild(city.value(),
                    io.gridpulse.model.alerts.AlertKind.SLA_BREACH));
            probes.put("map: 7 days by street", () -> warehouse.events().countsByChildSince(city.value(), now.minus(Duration.ofDays(7))));
            probes.put("map: 7 days by community", () -> warehouse.events().countsByChildSince(street.value(), now.minus(Duration.ofDays(7))));
            probes.put("map: 7 days by grid", () -> warehouse.events().countsByChildSince(community.value(), now.minus(Duration.ofDays(7))));
            probes.put("live: ever by street", () -> warehouse.events().countsByChildSince(city.value(), Instant.EPOCH));
            var hours = new io.gridpulse.warehouse.counts.EventHours(warehouse);
            probes.put("rollup: events today, city", () -> hours.count(city, midnight, null));
            probes.put("rollup: demands today, city", () -> hours.count(city, midnight, "demand.created"));
            probes.put("rollup: today by street", () -> hours.countsByChild(city, midnight));
            probes.put("rollup: 7 days by street", () -> hours.countsByChild(city, now.minus(Duration.ofDays(7))));
            probes.put("rollup: ever by street", () -> hours.countsByChild(city, Instant.EPOCH));
            probes.put("rollup: 7 days by grid", () -> hours.countsByChild(community, now.minus(Duration.ofDays(7))));
            probes.put("trend: 7 days, city", () -> new io.gridpulse.warehouse.trend.DailyTrend(warehouse)
                    .days(city, zone, LocalDate.ofInstant(now, zone), 7).size());
            probes.put("rows in event_hours", () -> warehouse.clickHouse().query("SELECT count() AS n FROM gridpulse.event_hours").getFirst().get("n"));
            probes.put("kpi: 12 for the city, this month", () -> kpi.indicators(city, monthStart, now, now));
            probes.put("kpi: 12 for a street, this month", () -> kpi.indicators(street, monthStart, now, now));
            for (var p : probes.entrySet()) {
                var ms = new long[rounds];
                Object answer = null;
                for (int i = 0; i < rounds; i++) {
                    long s = System.nanoTime();
                    answer = p.getValue().get();
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                }
                var sorted = ms.clone();
                Arrays.sort(sorted);
                var text = String.valueOf(answer);
                System.out.printf("%-36s median %6d ms  max %6d ms  runs %s  -> %s%n", p.getKey(), sorted[rounds / 2],
                        sorted[rounds - 1], Arrays.toString(ms), text.length() > 100 ? text.substring(0, 100) + "…" : text);
            }
            // each indicator on its own (package-private methods, reached by reflection: a probe, not an API)
            for (var m : KpiQueries.class.getDeclaredMethods()) {
                var types = m.getParameterTypes();
                if (java.lang.reflect.Modifier.isPrivate(m.getModifiers()) || types.length == 0 || types[0] != AreaCode.class
                        || m.getName().equals("indicators")) {
                    continue;
                }
                m.setAccessible(true);
                Object[] call = switch (types.length) {
                    case 2 -> new Object[] {city, now};
                    case 3 -> new Object[] {city, monthStart, now};
                    default -> new Object[] {city, monthStart, now, now};
                };
                try {
                    long s = System.nanoTime();
                    m.invoke(kpi, call);
                    System.out.printf("  kpi %-36s %6d ms%n", m.getName(), (System.nanoTime() - s) / 1_000_000);
                } catch (ReflectiveOperationException e) {
                    System.out.println("  kpi " + m.getName() + ": " + e.getCause());
                }
            }
        }
    }
}
