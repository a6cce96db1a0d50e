package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.groups.GroupQueries;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.time.ZoneId;
import java.util.List;

/**
 * Demand heat: a heatmap of the H3 cell centres of the demands filed in the area during the chosen range, of one
 * demand type or, for a population group, of its residents' demands of every type; with its own colour scale.
 */
final class HeatLayer implements Layer {
    private final MapLayerQueries queries;
    private final GroupQueries groups;
    private final LayerText text;
    private final ZoneId zone;

    HeatLayer(MapLayerQueries queries, GroupQueries groups, LayerText text, ZoneId zone) {
        this.queries = queries;
        this.groups = groups;
        this.text = text;
        this.zone = zone;
    }

    @Override
    public void draw(Request request, Drawing drawing) {
        var choice = request.choice();
        var area = request.area();
        var from = choice.range().from(request.now(), zone);
        var shown = choice.shows(MapLayer.HEAT);
        List<CellHeat> heat = !shown ? List.of()
                : choice.group() != null
                ? groups.demandCells(area, from, request.now(), choice.group(), resolution(area), MapLayers.MAX_HEAT_CELLS)
                : queries.demandHeat(area, from, request.now(), choice.demandType(), resolution(area), MapLayers.MAX_HEAT_CELLS);
        long max = Math.max(1, heat.stream().mapToLong(CellHeat::events).max().orElse(1));
        var name = text.text("map.layer.heat");
        var series = drawing.series.addObject()
                .put("id", "layer-heat").put("name", name).put("type", "heatmap").put("coordinateSystem", "geo").put("z", 2)
                .put("pointSize", pointSize(area)).put("blurSize", pointSize(area) + 6);
        series.putObject("itemStyle").put("color", "#ff7043");
        series.putObject("tooltip").put("show", false);
        var data = series.putArray("data");
        for (var cell : heat) {
            var centre = HexCells.centre(cell.h3Cell());
            data.addArray().add(centre.x).add(centre.y).add(cell.events());
        }
        var scale = Drawing.JSON.objectNode()
                .put("type", "continuous").put("seriesIndex", MapLayers.HEAT_SERIES_INDEX).put("show", shown)
                .put("min", 0).put("max", max).put("right", 10).put("bottom", 10).put("calculable", false).put("itemHeight", 90);
        scale.putArray("text").add(text.text("map.heat.scale")).add("");
        scale.putObject("inRange").putArray("color")
                .add("rgba(255,235,59,0.15)").add("#ffeb3b").add("#ff9800").add("#f4511e").add("#b71c1c");
        drawing.heatVisualMap = scale;
        if (shown) {
            drawing.legend.add(name);
            long demands = heat.stream().mapToLong(CellHeat::events).sum();
            drawing.summary.put("layer-summary-heat", text.text("map.summary.heat", demands, heat.size(),
                    choice.group() != null ? text.text("map.group." + choice.group())
                            : choice.demandType() == null ? text.text("map.heat.all-types")
                            : text.label("map.demand-type.", choice.demandType()),
                    text.text("map.heat.range." + choice.range().id())));
        }
    }

    /** H3 cells a little smaller than the areas drawn: county-wide 7, a street 8, a community or grid 9. */
    static int resolution(AreaCode area) {
        return switch (area.level()) {
            case PROVINCE, CITY, COUNTY -> HexCells.COUNTY;
            case STREET -> HexCells.STREET;
            case COMMUNITY, GRID -> HexCells.COMMUNITY;
        };
    }

    private static int pointSize(AreaCode area) {
        return area.level().compareTo(AreaLevel.COUNTY) <= 0 ? 16 : area.level() == AreaLevel.STREET ? 20 : 24;
    }
}
