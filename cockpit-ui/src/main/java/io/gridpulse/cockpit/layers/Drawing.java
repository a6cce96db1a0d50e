package io.gridpulse.cockpit.layers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the layers add to the map's option, collected as each {@link Layer} draws. */
final class Drawing {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final ArrayNode series = JSON.arrayNode();
    final List<String> legend = new ArrayList<>();
    final Map<String, String> summary = new LinkedHashMap<>();
    ObjectNode heatVisualMap = JSON.objectNode();

    /**
     * Adds a series of markers at points.
     *
     * @param type   {@code scatter}, or {@code effectScatter} for markers that pulse
     * @param symbol an ECharts symbol ({@code circle}, {@code diamond}, {@code pin} ...)
     * @return the series' data, to add {@link #point points} to
     */
    ArrayNode markers(String id, String name, String type, String symbol, int size, String colour, int z) {
        var markers = series.addObject()
                .put("id", id).put("name", name).put("type", type).put("coordinateSystem", "geo")
                .put("symbol", symbol).put("symbolSize", size).put("z", z);
        if (type.equals("effectScatter")) {
            markers.putObject("rippleEffect").put("brushType", "stroke").put("scale", 3.5).put("period", 3);
            markers.put("showEffectOn", "render");
        }
        markers.putObject("itemStyle").put("color", colour).put("borderColor", "#ffffff").put("borderWidth", 1);
        markers.putObject("tooltip").put("formatter", "{a}<br/>{b}");
        return markers.putArray("data");
    }

    /** A marker: the id a click reports, the name its tooltip shows, and where it is. */
    static ObjectNode point(String id, String name, double lon, double lat) {
        var point = JSON.objectNode().put("id", id).put("name", name);
        point.putArray("value").add(lon).add(lat);
        return point;
    }

    MapLayers.Drawn drawn() {
        return new MapLayers.Drawn(heatVisualMap, series, List.copyOf(legend), Map.copyOf(summary));
    }
}
