package io.gridpulse.cockpit.layers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseDepartments;
import io.gridpulse.warehouse.groups.GroupQueries;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;



/**
 * The layers of the map explorer as ECharts series over its {@code geo} component, one {@link Layer} each: demand
 * heat ({@link HeatLayer}), SLA breaches and warnings ({@link AlertLayer}), devices by state ({@link DeviceLayer})
 * and facilities ({@link FacilityLayer}). Every layer reads only the area being viewed, which the caller has checked
 * against the user's scope; the number of points is capped in the warehouse.
 *
 * <p>The series always come in the same order and number, a hidden layer with no data, so that ECharts,
 * which merges a new option into the old one by series index, never keeps a layer that was switched off.
 */
public final class MapLayers {
    /** The most heat cells, alert markers and devices drawn. */
    public static final int MAX_HEAT_CELLS = 2_000;
    public static final int MAX_ALERTS = 500;
    public static final int MAX_DEVICES = 2_000;
    /** A breach raised this recently pulses. */
    public static final Duration FRESH_BREACH = Duration.ofMinutes(15);
    /** The index of the heat series in the option (the area map is series 0). */
    public static final int HEAT_SERIES_INDEX = 1;

    /** Translations and names in the viewer's language. */
    public interface Labels {
        String text(String key, Object... parameters);

        boolean english();
    }

    /**
     * What the layers add to the map's option.
     *
     * @param heatVisualMap the heat layer's colour scale (a visualMap object)
     * @param series        the layers' series, to follow the area map series
     * @param legend        the names of the shown layers' series, for the legend
     * @param summary       one line per shown layer for the side panel, by element id
     */
    public record Drawn(ObjectNode heatVisualMap, ArrayNode series, List<String> legend, Map<String, String> summary) {
    }

    private final MapLayerQueries queries;
    private final LayerText text;
    private final ZoneId zone;
    /** In the order of their series: heat first ({@link #HEAT_SERIES_INDEX}). */
    private final List<Layer> layers;

    public MapLayers(Warehouse warehouse, Region region, ZoneId zone, Labels labels) {
        this.queries = new MapLayerQueries(warehouse);
        this.zone = zone;
        this.text = new LayerText(labels, zone);
        this.layers = List.of(
                new HeatLayer(queries, new GroupQueries(warehouse), text, zone),
                new AlertLayer(queries, new CaseDepartments(warehouse), region, text),
                new DeviceLayer(queries, region, text),
                new FacilityLayer(region, text));
    }

    /** The demand types filed in the area during the range, for the heat layer's type filter, most first. */
    public List<String> demandTypes(AreaCode area, HeatRange range, Instant now) {
        return queries.demandTypes(area, range.from(now, zone), now).stream().map(t -> t.demandType()).toList();
    }

    /** The label of a demand type (its wire name when no translation exists). */
    public String demandTypeName(String type) {
        return text.label("map.demand-type.", type);
    }

    public Drawn draw(AreaCode area, LayerChoice choice, Instant now) {
        return draw(area, choice, null, now);
    }

    /**
     * The layers of the area; with a {@code department}, the breach layer draws only the alerts of the cases last
     * assigned to it and the device layer no device in SOS (an alert that belongs to no department), the caller
     * deciding the department: a department head's own, whatever the URL says.
     */
    public Drawn draw(AreaCode area, LayerChoice choice, String department, Instant now) {
        var request = new Layer.Request(area, choice, department, now);
        var drawing = new Drawing();
        layers.forEach(layer -> layer.draw(request, drawing));
        return drawing.drawn();
    }
}
