package io.gridpulse.cockpit.layers;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LayerChoiceTest {

    @Test
    void layersAreReadCommaSeparatedOrRepeatedAndUnknownNamesAreIgnored() {
        var choice = LayerChoice.from(Map.of("layers", List.of("heat,devices", "facilities", "tiles"),
                "type", List.of("elderly_care"), "range", List.of("30d")));
        assertThat(choice.layers()).containsExactlyInAnyOrder(MapLayer.HEAT, MapLayer.DEVICES, MapLayer.FACILITIES);
        assertThat(choice.demandType()).isEqualTo("elderly_care");
        assertThat(choice.range()).isEqualTo(HeatRange.LAST_30_DAYS);
    }

    @Test
    void anEmptyQueryMeansNoLayerEveryTypeAndToday() {
        var choice = LayerChoice.from(Map.of("range", List.of("forever")));
        assertThat(choice).isEqualTo(LayerChoice.none());
        assertThat(choice.parameters()).isEmpty();
    }

    @Test
    void theParametersWriteLayersInOneCommaSeparatedValueAndTheHeatFiltersOnlyWhileHeatIsShown() {
        var heat = new LayerChoice(Set.of(MapLayer.FACILITIES, MapLayer.HEAT), "counselling", HeatRange.LAST_HOUR);
        assertThat(heat.parameters()).containsExactly(Map.entry("layers", List.of("heat,facilities")),
                Map.entry("type", List.of("counselling")), Map.entry("range", List.of("1h")));
        assertThat(LayerChoice.from(heat.parameters())).isEqualTo(heat);
        assertThat(heat.with(MapLayer.HEAT, false).parameters()).containsExactly(Map.entry("layers", List.of("facilities")));
        assertThat(heat.with(MapLayer.BREACHES, true).layers()).contains(MapLayer.BREACHES, MapLayer.HEAT, MapLayer.FACILITIES);
        assertThat(heat.withDemandType("").demandType()).isNull();
    }

    @Test
    void aPopulationGroupNarrowsTheHeatAndAnUnknownOneIsIgnored() {
        var choice = LayerChoice.from(Map.of("layers", List.of("heat"), "group", List.of("elderly_alone")));
        assertThat(choice.group()).isEqualTo("elderly_alone");
        assertThat(choice.parameters()).containsExactly(Map.entry("layers", List.of("heat")),
                Map.entry("group", List.of("elderly_alone")));
        assertThat(LayerChoice.from(choice.parameters())).isEqualTo(choice);
        assertThat(choice.withGroup("").group()).isNull();
        assertThat(LayerChoice.from(Map.of("group", List.of("everybody' OR 1=1"))).group()).isNull();
        assertThat(LayerChoice.GROUPS).contains("elderly_alone", "left_behind_child", "disabled");
        // the group stays in the URL only while the heat is on screen
        assertThat(choice.with(MapLayer.HEAT, false).parameters()).isEmpty();
    }

    @Test
    void todayStartsAtLocalMidnightAndTheOtherRangesCountBackFromNow() {
        var now = Instant.parse("2026-11-23T01:30:00Z");   // 09:30 in Shanghai
        var shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(HeatRange.TODAY.from(now, shanghai)).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(HeatRange.LAST_HOUR.from(now, shanghai)).isEqualTo(Instant.parse("2026-11-23T00:30:00Z"));
        assertThat(HeatRange.LAST_30_DAYS.from(now, shanghai)).isEqualTo(Instant.parse("2026-10-24T01:30:00Z"));
    }
}
