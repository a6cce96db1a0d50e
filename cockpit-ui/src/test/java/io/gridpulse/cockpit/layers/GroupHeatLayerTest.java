package io.gridpulse.cockpit.layers;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.EventRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heat layer narrowed to a population group, against the embedded warehouse: in a community of 西城街道,
 * three demands of elderly people living alone and two of other residents today; the group's heat counts three.
 */
@ExtendWith(TestCockpit.Shared.class)
class GroupHeatLayerTest {
    /** 西城街道 第三社区 第二网格. */
    static final String GRID = "439901002003002";
    static final AreaCode COMMUNITY = AreaCode.of(GRID.substring(0, 12));
    private static MapLayers layers;

    @BeforeAll
    static void demandsOfTheElderlyAndOfOthers() {
        var centre = Region.demo().geometry(AreaCode.of(GRID)).orElseThrow().getInteriorPoint().getCoordinate();
        var at = TestCockpit.earlierToday(java.time.Duration.ofSeconds(60));
        var rows = new ArrayList<EventRow>();
        for (int i = 0; i < 5; i++) {
            var row = new EventRow(UUID.randomUUID().toString(), "demand.created", at, at, "test", GRID, GRID.substring(0, 12),
                    GRID.substring(0, 9), GRID.substring(0, 6), centre.x, centre.y,
                    "{\"caseId\":\"group-heat-" + i + "\",\"demandType\":\"elderly_care\"}");
            rows.add(i < 3 ? row.withPopulationGroups(List.of("elderly_alone")) : row);
        }
        TestCockpit.store(rows);
        layers = new MapLayers(TestCockpit.warehouse(), Region.demo(), TestCockpit.ZONE, new KeyLabels());
    }

    @Test
    void theHeatOfAGroupCountsOnlyItsResidentsDemands() {
        var heat = LayerChoice.none().with(MapLayer.HEAT, true);
        var elderly = layers.draw(COMMUNITY, heat.withGroup("elderly_alone"), null, TestCockpit.now());
        assertThat(elderly.summary().get("layer-summary-heat")).startsWith("map.summary.heat[3, 1, map.group.elderly_alone");
        var children = layers.draw(COMMUNITY, heat.withGroup("left_behind_child"), null, TestCockpit.now());
        assertThat(children.summary().get("layer-summary-heat")).startsWith("map.summary.heat[0, 0,");
        var everybody = layers.draw(COMMUNITY, heat, null, TestCockpit.now());
        assertThat(everybody.summary().get("layer-summary-heat")).startsWith("map.summary.heat[");
    }
}
