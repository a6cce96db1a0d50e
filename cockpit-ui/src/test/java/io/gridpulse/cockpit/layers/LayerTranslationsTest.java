package io.gridpulse.cockpit.layers;

import io.gridpulse.warehouse.layers.DeviceState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label the layers use exists in Chinese and in English. */
class LayerTranslationsTest {

    @Test
    void everyLayerLabelIsTranslatedIntoChineseAndEnglish() throws IOException {
        var keys = new ArrayList<>(List.of("map.layers", "map.indicator.coverage", "map.heat.type", "map.heat.all-types",
                "map.heat.range", "map.heat.scale", "map.legend.breach-fresh", "map.legend.breach", "map.legend.warning",
                "map.legend.facility", "map.summary.heat", "map.summary.breaches", "map.summary.devices",
                "map.summary.facilities", "map.summary.capped", "map.device.battery"));
        for (var layer : MapLayer.values()) {
            keys.add("map.layer." + layer.id());
        }
        for (var range : HeatRange.values()) {
            keys.add("map.heat.range." + range.id());
        }
        for (var state : DeviceState.values()) {
            keys.add("map.legend.device." + state.wireName());
        }
        for (var file : List.of("translations.properties", "translations_zh_CN.properties", "translations_en.properties")) {
            var properties = load(file);
            assertThat(keys).as(file).allSatisfy(key -> assertThat(properties.getProperty(key)).as(file + " " + key).isNotBlank());
        }
        assertThat(load("translations_en.properties").getProperty("map.layer.heat")).isEqualTo("Demand heat");
        assertThat(load("translations.properties").getProperty("map.layer.heat")).isEqualTo("需求热力");
    }

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (var in = LayerTranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
