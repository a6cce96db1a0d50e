package io.gridpulse.simulator.city;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated city lives on the demo region's boundaries: every grid it uses is one the map can draw. */
class CityOnTheMapTest {

    @Test
    void everySimulatedGridIsAGridOfTheDemoRegionAndEveryRegionGridIsSimulated() {
        var region = Region.demo();
        var simulated = CityModel.demo(42).grids().stream().map(g -> g.code().value()).toList();
        var mapped = region.areas(AreaLevel.GRID).stream().map(a -> a.code().value()).toList();
        assertThat(simulated).hasSize(1_080).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everySimulatedPlaqueHangsOnTheMapInTheGridTheSimulatorPutsIt() {
        var onTheMap = new java.util.HashMap<String, String>();
        Region.demo().facilities().stream().filter(f -> f.kind() == io.gridpulse.geo.region.FacilityKind.SMART_PLAQUE)
                .forEach(f -> onTheMap.put(f.code(), f.areaCode().value()));
        var plaques = CityModel.demo(42).plaques();
        assertThat(plaques).hasSize(onTheMap.size());
        assertThat(plaques).allSatisfy(p -> assertThat(onTheMap.get(p.id())).as(p.id()).isEqualTo(p.gridCode().value()));
    }
}
