package io.gridpulse.simulator.city;

import io.gridpulse.geo.region.Region;
import io.gridpulse.geo.registry.RegistryLoader;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.simulator.Simulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator on a loaded households/devices registry instead of the generated population. */
class RegisteredCityTest {

    private static final String GRID_A = "439901001001001";
    private static final String GRID_B = "439901101001002";
    private static CityModel city;

    @BeforeAll
    static void load() throws Exception {
        var households = new StringBuilder("household_id,grid_code,residents,aged_60_plus,groups\n");
        for (int i = 0; i < 300; i++) {
            var grid = i % 3 == 0 ? GRID_B : GRID_A;
            households.append(switch (i % 5) {
                case 0 -> "r-" + i + "," + grid + ",1,1,elderly_alone\n";
                case 1 -> "r-" + i + "," + grid + ",2,2,empty_nest\n";
                case 2 -> "r-" + i + "," + grid + ",4,1,left_behind_child;hardship\n";
                default -> "r-" + i + "," + grid + ",3,0,\n";
            });
        }
        var devices = """
                device_id,device_type,grid_code,household_id,hall_id
                band-1,wristband,,r-0,
                band-2,wristband,,r-5,
                term-a,grid_terminal,439901001001001,,
                """;
        var registry = RegistryLoader.read(stream(households.toString()), "households.csv", stream(devices), "devices.csv",
                Region.demo());
        city = CityModel.of(3, Region.demo(), registry);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHouseholdsAreTheRegisteredOnesWithTheirCountsAndGroups() {
        assertThat(city.registered()).isTrue();
        assertThat(city.householdCount()).isEqualTo(300);
        var all = city.households().toList();
        assertThat(all).extracting(Household::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("r-"));
        var r2 = all.stream().filter(h -> h.id().equals("r-2")).findFirst().orElseThrow();
        assertThat(r2.residents()).hasSize(4);
        assertThat(r2.residents().stream().filter(r -> r.ageOn(CityModel.REFERENCE_DATE) >= 60)).hasSize(1);
        assertThat(r2.residents()).anySatisfy(r -> assertThat(r.ageOn(CityModel.REFERENCE_DATE)).isLessThan(18));
        assertThat(r2.groups()).containsExactlyInAnyOrder(PopulationGroup.LEFT_BEHIND_CHILD, PopulationGroup.HARDSHIP);
        var r0 = all.stream().filter(h -> h.id().equals("r-0")).findFirst().orElseThrow();
        assertThat(r0.kind()).isEqualTo(HouseholdKind.ELDERLY_ALONE);
        assertThat(r0.residents()).singleElement().satisfies(r -> assertThat(r.ageOn(CityModel.REFERENCE_DATE)).isGreaterThanOrEqualTo(60));
    }

    @Test
    void registeredDevicesReplaceTheGeneratedOnesOfTheirType() {
        assertThat(city.wristbands()).extracting(Device::id).containsExactly("band-1", "band-2");
        assertThat(city.wearer(city.wristbands().get(1)).id()).isEqualTo("r-5");
        var gridA = city.grids().stream().filter(g -> g.code().equals(AreaCode.of(GRID_A))).findFirst().orElseThrow();
        assertThat(gridA.terminalId()).isEqualTo("term-a");
        var gridB = city.grids().stream().filter(g -> g.code().equals(AreaCode.of(GRID_B))).findFirst().orElseThrow();
        assertThat(gridB.terminalId()).isEqualTo("gt-" + GRID_B);   // none registered: a generated one
        assertThat(city.halls()).hasSize(15);
    }

    @Test
    void theStreamVisitsOnlyRegisteredHouseholdsAndHearsOnlyRegisteredWristbands() {
        var ids = city.households().map(Household::id).collect(Collectors.toSet());
        var events = Simulator.of(3, city).events(Instant.parse("2026-11-23T00:00:00Z")).limit(40_000).toList();
        var visits = events.stream().filter(HouseholdVisit.class::isInstance).map(HouseholdVisit.class::cast).toList();
        assertThat(visits).hasSizeGreaterThan(500);
        assertThat(visits).allSatisfy(v -> assertThat(ids).contains(v.householdId()));
        assertThat(visits).allSatisfy(v -> assertThat(v.gridCode().orElseThrow().value()).isIn(GRID_A, GRID_B));
        var bands = events.stream().filter(e -> e instanceof Telemetry t && t.deviceType() == DeviceType.WRISTBAND)
                .map(e -> ((Telemetry) e).deviceId()).collect(Collectors.toSet());
        assertThat(bands).containsExactlyInAnyOrder("band-1", "band-2");
    }

    @Test
    void theSameSeedAndRegistryGiveTheSameStream() {
        var from = Instant.parse("2026-11-23T00:00:00Z");
        assertThat(Simulator.of(3, city).events(from).limit(5_000).toList())
                .isEqualTo(Simulator.of(3, city).events(from).limit(5_000).toList());
    }
}
