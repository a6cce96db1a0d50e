package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.FacilityKind;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseDepartments;
import io.gridpulse.warehouse.groups.GroupQueries;
import io.gridpulse.warehouse.heat.CellHeat;
import io.gridpulse.warehouse.layers.AlertMarker;
import io.gridpulse.warehouse.layers.DeviceMarker;
import io.gridpulse.warehouse.layers.DeviceState;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The layers of the map explorer as ECharts series over its {@code geo} component: demand heat (a
 * heatmap of H3 cell centres), SLA breaches and warnings (fresh breaches pulse), devices by state and
 * facilities. Every layer reads only the area being viewed, which the caller has checked against the
 * user's scope; the number of points is capped in the warehouse.
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** Translations and names in the viewer's language. */
    public interface Labels {
        String text(String key, Object... parameters);

        boolean english();
    }

    /**
     * What the layers add to the map's option.
     *
     * @param heatVisualMap the heat layer's colour scale (a visualMap object)
     * @param series        the layers' series, comma-separated, to follow the area map series
     * @param legend        the names of the shown layers' series, for the legend
     * @param summary       one line per shown layer for the side panel, by element id
     */
    public record Drawn(String heatVisualMap, String series, List<String> legend, Map<String, String> summary) {
    }

    /** The alerts the breach layer draws. */
    private static final List<AlertKind> SLA_KINDS = List.of(AlertKind.SLA_WARNING, AlertKind.SLA_BREACH,
            AlertKind.SLA_ESCALATION);
    private final MapLayerQueries queries;
    private final CaseDepartments departments;
    private final GroupQueries groups;
    private final Region region;
    private final Labels labels;
    private final ZoneId zone;

    public MapLayers(Warehouse warehouse, Region region, ZoneId zone, Labels labels) {
        this.queries = new MapLayerQueries(warehouse);
        this.departments = new CaseDepartments(warehouse);
        this.groups = new GroupQueries(warehouse);
        this.region = region;
        this.zone = zone;
        this.labels = labels;
    }

    /** The demand types filed in the area during the range, for the heat layer's type filter, most first. */
    public List<String> demandTypes(AreaCode area, HeatRange range, Instant now) {
        return queries.demandTypes(area, range.from(now, zone), now).stream().map(t -> t.demandType()).toList();
    }

    /** The label of a demand type (its wire name when no translation exists). */
    public String demandTypeName(String type) {
        return label("map.demand-type.", type);
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
        var series = new ArrayList<String>();
        var legend = new ArrayList<String>();
        var summary = new LinkedHashMap<String, String>();
        var points = new AreaPoints(region);

        // 1: demand heat
        var heatName = labels.text("map.layer.heat");
        // a population group narrows the heat to its residents' demands (read from the events' groups, every type)
        List<CellHeat> heat = !choice.shows(MapLayer.HEAT) ? List.of()
                : choice.group() != null
                ? groups.demandCells(area, choice.range().from(now, zone), now, choice.group(), resolution(area), MAX_HEAT_CELLS)
                : queries.demandHeat(area, choice.range().from(now, zone), now, choice.demandType(), resolution(area), MAX_HEAT_CELLS);
        long heatMax = Math.max(1, heat.stream().mapToLong(CellHeat::events).max().orElse(1));
        series.add("""
                {"id":"layer-heat","name":%s,"type":"heatmap","coordinateSystem":"geo","z":2,"pointSize":%d,"blurSize":%d,
                 "itemStyle":{"color":"#ff7043"},"tooltip":{"show":false},"data":[%s]}"""
                .formatted(json(heatName), pointSize(area), pointSize(area) + 6, heat.stream().map(c -> {
                    var centre = HexCells.centre(c.h3Cell());
                    return "[" + centre.x + "," + centre.y + "," + c.events() + "]";
                }).collect(Collectors.joining(","))));
        if (choice.shows(MapLayer.HEAT)) {
            legend.add(heatName);
            long demands = heat.stream().mapToLong(CellHeat::events).sum();
            summary.put("layer-summary-heat", labels.text("map.summary.heat", demands, heat.size(),
                    choice.group() != null ? labels.text("map.group." + choice.group())
                            : choice.demandType() == null ? labels.text("map.heat.all-types") : demandTypeName(choice.demandType()),
                    labels.text("map.heat.range." + choice.range().id())));
        }
        var heatVisualMap = """
                {"type":"continuous","seriesIndex":%d,"show":%s,"min":0,"max":%d,"right":10,"bottom":10,"calculable":false,
                 "text":[%s,""],"itemHeight":90,"inRange":{"color":["rgba(255,235,59,0.15)","#ffeb3b","#ff9800","#f4511e","#b71c1c"]}}"""
                .formatted(HEAT_SERIES_INDEX, choice.shows(MapLayer.HEAT), heatMax, json(labels.text("map.heat.scale")));

        // 2-4: open SLA alerts
        List<AlertMarker> alerts = !choice.shows(MapLayer.BREACHES) ? List.of()
                : department == null ? queries.openSlaAlerts(area, MAX_ALERTS)
                : departments.openAlerts(area, department, SLA_KINDS, MAX_ALERTS);
        var fresh = new ArrayList<String>();
        var overdue = new ArrayList<String>();
        var warnings = new ArrayList<String>();
        for (var alert : alerts) {
            var at = points.place(alert.finestArea(), alert.alertId());
            if (at.isEmpty()) {
                continue;
            }
            // only a demand case has a page: a household's, device's, plaque's or ticket's marker opens nothing
            var item = "{\"id\":" + json(alert.aboutCase() ? alert.caseId() : "") + ",\"name\":" + json(alertLabel(alert))
                    + ",\"value\":[" + at.get().x + "," + at.get().y + "]}";
            if (!alert.overdue()) {
                warnings.add(item);
            } else if (alert.raisedAt().isAfter(now.minus(FRESH_BREACH))) {
                fresh.add(item);
            } else {
                overdue.add(item);
            }
        }
        series.add(markers("layer-breaches-fresh", labels.text("map.legend.breach-fresh"), "effectScatter", "circle", 14,
                "#d50000", 8, fresh));
        series.add(markers("layer-breaches", labels.text("map.legend.breach"), "scatter", "diamond", 13, "#c62828", 7, overdue));
        series.add(markers("layer-warnings", labels.text("map.legend.warning"), "scatter", "triangle", 11, "#ffa000", 6, warnings));
        if (choice.shows(MapLayer.BREACHES)) {
            legend.add(labels.text("map.legend.breach-fresh"));
            legend.add(labels.text("map.legend.breach"));
            legend.add(labels.text("map.legend.warning"));
            summary.put("layer-summary-breaches", labels.text("map.summary.breaches", fresh.size() + overdue.size(),
                    fresh.size(), warnings.size()) + capped(alerts.size(), MAX_ALERTS));
        }

        // 5-8: devices by state
        List<DeviceMarker> devices = choice.shows(MapLayer.DEVICES) ? queries.devices(area, now, MAX_DEVICES) : List.of();
        var sosShown = department == null;
        if (!sosShown) {
            // an SOS is an alert about a person's device, not about a case: it belongs to no department and stays with
            // the area's watchers (as in the inbox, AlertRights and the wall), so a department's view leaves it out
            devices = devices.stream().filter(d -> d.state() != DeviceState.SOS).toList();
        }
        var byState = new EnumMap<DeviceState, List<String>>(DeviceState.class);
        for (var state : DeviceState.values()) {
            byState.put(state, new ArrayList<>());
        }
        for (var device : devices) {
            var at = device.lon() != null && device.lat() != null
                    ? java.util.Optional.of(new org.locationtech.jts.geom.Coordinate(device.lon(), device.lat()))
                    : points.place(device.gridCode(), device.deviceId());
            if (at.isEmpty()) {
                continue;
            }
            byState.get(device.state()).add("{\"id\":" + json(device.deviceId()) + ",\"name\":" + json(deviceLabel(device))
                    + ",\"value\":[" + at.get().x + "," + at.get().y + "]}");
        }
        for (var state : DeviceState.values()) {
            var sos = state == DeviceState.SOS;
            series.add(markers("layer-devices-" + state.wireName(), labels.text("map.legend.device." + state.wireName()),
                    sos ? "effectScatter" : "scatter", "circle", sos ? 12 : 8, deviceColour(state), sos ? 6 : 4,
                    byState.get(state)));
            if (choice.shows(MapLayer.DEVICES) && (sosShown || !sos)) {
                legend.add(labels.text("map.legend.device." + state.wireName()));
            }
        }
        if (choice.shows(MapLayer.DEVICES)) {
            summary.put("layer-summary-devices", labels.text("map.summary.devices", devices.size(),
                    byState.get(DeviceState.ONLINE).size(), byState.get(DeviceState.OFFLINE).size(),
                    byState.get(DeviceState.SOS).size(), byState.get(DeviceState.LOW_BATTERY).size())
                    + capped(devices.size(), MAX_DEVICES));
        }

        // 9: facilities (smart plaques are too many to draw)
        var facilities = !choice.shows(MapLayer.FACILITIES) ? List.<String>of() : region.facilitiesIn(area).stream()
                .filter(f -> f.kind() != FacilityKind.SMART_PLAQUE)
                .map(f -> "{\"id\":" + json(f.code()) + ",\"name\":" + json(labels.english() && f.nameEn() != null ? f.nameEn() : f.name())
                        + ",\"value\":[" + f.lon() + "," + f.lat() + "]}")
                .toList();
        // a county has hundreds of facilities: smaller pins there, so they do not hide the other layers
        int pin = area.level().compareTo(AreaLevel.COUNTY) <= 0 ? 11 : area.level() == AreaLevel.STREET ? 15 : 18;
        series.add(markers("layer-facilities", labels.text("map.legend.facility"), "scatter", "pin", pin, "#1565c0", 3, facilities));
        if (choice.shows(MapLayer.FACILITIES)) {
            legend.add(labels.text("map.legend.facility"));
            summary.put("layer-summary-facilities", labels.text("map.summary.facilities", facilities.size()));
        }
        return new Drawn(heatVisualMap, String.join(",\n", series), List.copyOf(legend), Map.copyOf(summary));
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

    private static String markers(String id, String name, String type, String symbol, int size, String colour, int z,
                                  List<String> data) {
        var effect = type.equals("effectScatter")
                ? "\"rippleEffect\":{\"brushType\":\"stroke\",\"scale\":3.5,\"period\":3},\"showEffectOn\":\"render\","
                : "";
        return """
                {"id":%s,"name":%s,"type":"%s","coordinateSystem":"geo","symbol":"%s","symbolSize":%d,"z":%d,%s
                 "itemStyle":{"color":"%s","borderColor":"#ffffff","borderWidth":1},
                 "tooltip":{"formatter":"{a}<br/>{b}"},"data":[%s]}"""
                .formatted(json(id), json(name), type, symbol, size, z, effect, colour, String.join(",", data));
    }

    private static String deviceColour(DeviceState state) {
        return switch (state) {
            case SOS -> "#d50000";
            case OFFLINE -> "#757575";
            case LOW_BATTERY -> "#ef6c00";
            case ONLINE -> "#2e7d32";
        };
    }

    private String alertLabel(AlertMarker alert) {
        var where = AreaCode.parse(alert.finestArea()).flatMap(region::area).map(this::name).orElse(alert.finestArea());
        return alert.caseId() + " · " + label("alerts.kind.", alert.kind().wireName()) + " · " + where + " · "
                + WHEN.format(alert.raisedAt().atZone(zone));
    }

    private String deviceLabel(DeviceMarker device) {
        var text = new StringBuilder(device.deviceId());
        if (!device.deviceType().isEmpty()) {
            text.append(" · ").append(label("map.device-type.", device.deviceType()));
        }
        text.append(" · ").append(labels.text("map.legend.device." + device.state().wireName()));
        if (device.batteryPercent() != null) {
            text.append(" · ").append(labels.text("map.device.battery", Math.round(device.batteryPercent())));
        }
        return text.append(" · ").append(WHEN.format(device.lastSeen().atZone(zone))).toString();
    }

    private String capped(int shown, int limit) {
        return shown >= limit ? " " + labels.text("map.summary.capped", limit) : "";
    }

    private String label(String prefix, String code) {
        var text = labels.text(prefix + code);
        // Vaadin answers a missing key with the key in brackets; the code itself reads better
        return text == null || text.isBlank() || text.contains(prefix) ? code : text;
    }

    private String name(Area area) {
        return area.displayName(labels.english());
    }

    static String json(String s) {
        return io.gridpulse.cockpit.charts.Json.string(s);
    }
}
