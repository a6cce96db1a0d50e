package io.gridpulse.cockpit.map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.layers.MapLayers;
import io.gridpulse.model.area.Area;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ECharts option of the map explorer: one {@code geo} component draws the areas, the first series colours them
 * by the indicator, the layers' series draw on them. Built as a JSON tree, so names with quotes or markup stay text.
 */
final class MapOption {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Counts: many is the bad end. */
    private static final List<Integer> COUNT_SCALE = List.of(0xe3f2fd, 0x64b5f6, 0xffd54f, 0xff7043, 0xc62828);
    /** Coverage: low is the bad end. */
    private static final List<Integer> PERCENT_SCALE = List.of(0xc62828, 0xff7043, 0xffd54f, 0x9ccc65, 0x2e7d32);

    private MapOption() {
    }

    /**
     * @param mapName  the registered map of the drawn areas
     * @param drawn    the areas drawn
     * @param values   the indicator per area code
     * @param selected the grid on screen when a grid is drawn among its siblings, else null
     * @param text     translations; {@code name} the display name of an area
     */
    static ObjectNode of(String mapName, List<Area> drawn, Map<String, Long> values, Area selected, Indicator indicator,
                         boolean heatShown, MapLayers.Drawn layers, Function<String, String> text, Function<Area, String> name) {
        var option = JSON.objectNode();
        option.putObject("tooltip").put("trigger", "item");
        var legend = option.putObject("legend").put("show", !layers.legend().isEmpty())
                .put("orient", "vertical").put("right", 10).put("top", 10).put("backgroundColor", "rgba(255,255,255,0.85)")
                .put("borderColor", "#b0bec5").put("borderWidth", 1).put("padding", 8).put("itemGap", 6);
        layers.legend().forEach(legend.putArray("data")::add);
        legend.putObject("textStyle").put("fontSize", 12);

        var percent = indicator.percent();
        long max = percent ? 100 : Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        var visualMaps = option.putArray("visualMap");
        var areaScale = visualMaps.addObject().put("seriesIndex", 0).put("min", 0).put("max", max).put("left", "left")
                .put("bottom", 10).put("calculable", true);
        areaScale.putArray("text").add(text.apply("wall.map.high") + (percent ? " 100%" : ""))
                .add(text.apply("wall.map.low") + (percent ? " 0%" : ""));
        // under the heat the areas' colours fade, or a red area would hide a red blob
        double alpha = heatShown ? 0.4 : 1;
        var colours = areaScale.putObject("inRange").putArray("color");
        for (int rgb : percent ? PERCENT_SCALE : COUNT_SCALE) {
            colours.add("rgba(%d,%d,%d,%s)".formatted(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff, alpha));
        }
        visualMaps.add(layers.heatVisualMap());

        var geo = option.putObject("geo").put("map", mapName).put("roam", true).put("aspectScale", 0.9)
                .put("selectedMode", "single");
        geo.putObject("labelLayout").put("hideOverlap", true);
        geo.putObject("label").put("show", true).put("fontSize", 12);
        geo.putObject("itemStyle").put("borderColor", "#546e7a").put("borderWidth", 1).put("areaColor", "#eceff1");
        geo.putObject("emphasis").putObject("itemStyle").put("areaColor", "#ffb300");
        geo.putObject("select").putObject("itemStyle").put("areaColor", "#ff8f00");
        var regions = geo.putArray("regions");
        if (selected != null) {
            regions.addObject().put("name", name.apply(selected)).put("selected", true);
        }

        var series = option.putArray("series");
        var data = series.addObject().put("id", "areas").put("type", "map").put("geoIndex", 0).putArray("data");
        for (var area : drawn) {
            var code = area.code().value();
            // a percentage has no value where nothing is registered: such areas stay uncoloured
            if ((selected == null || area.code().equals(selected.code())) && (!percent || values.containsKey(code))) {
                data.addObject().put("name", name.apply(area)).put("value", values.getOrDefault(code, 0L));
            }
        }
        series.addAll(layers.series());
        return option;
    }

    /** Whether the heat layer is drawn (the areas' colours fade under it). */
    static boolean heatShown(MapState state) {
        return state.layers().shows(MapLayer.HEAT);
    }
}
