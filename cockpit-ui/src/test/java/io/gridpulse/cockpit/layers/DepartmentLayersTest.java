package io.gridpulse.cockpit.layers;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map's breach layer and the wall's pulses for one department, against the embedded warehouse: in a
 * community of 东城街道 with a civil-affairs breach, a health breach and a device SOS, the civil-affairs view
 * draws only its own breach; the view of every department draws all three.
 */
@ExtendWith(TestCockpit.Shared.class)
class DepartmentLayersTest {
    /** 东城街道 第四社区 第一网格. */
    static final String GRID = "439901001004001";
    static final AreaCode COMMUNITY = AreaCode.of(GRID.substring(0, 12));
    private static MapLayers layers;

    @BeforeAll
    static void breachesOfTwoDepartmentsAndAnSos() {
        var warehouse = TestCockpit.warehouse();
        TestCockpit.store(List.of(
                TestCockpit.demandCreated("layer-civil", GRID, "elderly_care", ""),
                TestCockpit.demandAssigned("layer-civil", GRID, "civil_affairs"),
                TestCockpit.demandCreated("layer-health", GRID, "medical", ""),
                TestCockpit.demandAssigned("layer-health", GRID, "health"),
                telemetry("layer-band"), telemetry("layer-band-quiet")));
        var now = TestCockpit.now();
        warehouse.alerts().insert(List.of(TestCockpit.openBreach("layer-civil", GRID, ""), TestCockpit.openBreach("layer-health", GRID, ""),
                new Alert("sos-layer-band", AlertKind.DEVICE_SOS, Severity.CRITICAL, AlertStatus.OPEN, "layer-band",
                        "device.sos", 0, null, now, null, new AreaLineage(GRID, GRID.substring(0, 12), GRID.substring(0,
                        9), GRID.substring(0, 6)), "SOS", 1)));
        layers = new MapLayers(warehouse, Region.demo(), TestCockpit.ZONE, new KeyLabels());
    }

    /** A wristband's report a minute ago in the grid. */
    private static io.gridpulse.warehouse.EventRow telemetry(String device) {
        var at = TestCockpit.earlierToday(java.time.Duration.ofSeconds(60));
        return new io.gridpulse.warehouse.EventRow(java.util.UUID.randomUUID().toString(), "telemetry", at, at, "test", GRID,
                GRID.substring(0, 12), GRID.substring(0, 9), GRID.substring(0, 6), null, null,
                "{\"deviceId\":\"" + device + "\",\"deviceType\":\"wristband\",\"status\":\"online\",\"batteryPercent\":80}");
    }

    @Test
    void theBreachLayerOfADepartmentDrawsOnlyItsCases() {
        var choice = LayerChoice.none().with(MapLayer.BREACHES, true);
        var civil = layers.draw(COMMUNITY, choice, "civil_affairs", TestCockpit.now()).series().toString();
        assertThat(civil).contains("layer-civil").doesNotContain("layer-health");
        var every = layers.draw(COMMUNITY, choice, null, TestCockpit.now()).series().toString();
        assertThat(every).contains("layer-civil", "layer-health");
    }

    @Test
    void theDeviceLayerOfADepartmentLeavesOutDevicesInSosWhichBelongToTheAreasWatchers() {
        var choice = LayerChoice.none().with(MapLayer.DEVICES, true);
        var civil = layers.draw(COMMUNITY, choice, "civil_affairs", TestCockpit.now());
        assertThat(civil.series().toString()).contains("layer-band-quiet").doesNotContain("\"layer-band\"");
        assertThat(civil.legend()).doesNotContain("map.legend.device.sos").contains("map.legend.device.online");
        var every = layers.draw(COMMUNITY, choice, null, TestCockpit.now());
        assertThat(every.series().toString()).contains("\"layer-band\"", "layer-band-quiet");
        assertThat(every.legend()).contains("map.legend.device.sos");
    }

    @Test
    void theWallPulsesOfADepartmentLeaveOutOtherDepartmentsAndDevices() {
        var warehouse = TestCockpit.warehouse();
        var civil = WallLayers.read(warehouse, Region.demo(), COMMUNITY, "civil_affairs", ZoneId.of("Asia/Shanghai"), TestCockpit.now());
        assertThat(civil.pulses()).extracting(WallLayers.Pulse::caseId).containsExactly("layer-civil");
        var every = WallLayers.read(warehouse, Region.demo(), COMMUNITY, ZoneId.of("Asia/Shanghai"), TestCockpit.now());
        assertThat(Set.copyOf(every.pulses().stream().map(WallLayers.Pulse::caseId).toList()))
                .isEqualTo(Set.of("layer-civil", "layer-health", "layer-band"));
    }
}
