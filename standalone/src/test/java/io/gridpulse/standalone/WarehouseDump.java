package io.gridpulse.standalone;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.alerts.AlertStore;
import io.gridpulse.warehouse.counts.EventHours;
import io.gridpulse.warehouse.heat.Granularity;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatQueries;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;

/**
 * Prints the analytics tables of one area, after FINAL, as sorted lines: run in its own JVM on the
 * data folder of a stopped GridPulse, because chDB serves one process and the test JVM has its own.
 * Arguments: the data folder, the area code, the time range as two instants.
 */
final class WarehouseDump {
    private WarehouseDump() {}

    public static void main(String[] args) {
        var area = AreaCode.of(args[1]);
        var from = Instant.parse(args[2]);
        var to = Instant.parse(args[3]);
        try (var warehouse = Warehouse.open(WarehouseConfig.embedded(Path.of(args[0]).resolve("warehouse")))) {
            var heat = new HeatQueries(warehouse);
            for (var layer : HeatLayer.values()) {
                for (var point : heat.series(area, from, to, layer, null, Granularity.MINUTE, ZoneId.of("Asia/Shanghai"))) {
                    System.out.println("heat " + layer.wireName() + " " + point.start() + " " + point.events());
                }
            }
            for (var count : new EventHours(warehouse).countsByChild(area, from)) {
                System.out.println("event-hours " + count.areaCode() + " " + count.events());
            }
            warehouse.alerts().recent(AlertStore.MAX_PAGE * 10).stream()
                    .filter(a -> a.area().street().equals(area.value()))
                    .sorted(Comparator.comparing(a -> a.alertId()))
                    .forEach(a -> System.out.println("alert " + a.alertId() + " " + a.kind().wireName() + " " + a.status().wireName() + " "
                            + a.level() + " " + a.deadline() + " " + a.raisedAt() + " " + a.clearedAt()));
            System.out.println("end of dump");
        }
    }
}
