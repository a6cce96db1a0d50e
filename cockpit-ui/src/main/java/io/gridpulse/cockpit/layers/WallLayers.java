package io.gridpulse.cockpit.layers;

import io.gridpulse.cockpit.charts.Json;
import io.gridpulse.geo.hex.HexCells;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.layers.MapLayerQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live layers of the wall screen's map, for one area: today's demand heat and pulsing markers for
 * breaches fresher than {@link MapLayers#FRESH_BREACH} and for open SOS alerts. A value, so that a live
 * query pushes it only when it changed.
 *
 * @param heat   today's demands per H3 cell centre, hottest first
 * @param pulses fresh breaches and open SOS alerts, newest first
 */
public record WallLayers(List<HeatSpot> heat, List<Pulse> pulses) {
    /** Nothing yet: before the first read. */
    public static final WallLayers NONE = new WallLayers(List.of(), List.of());
    static final int MAX_HEAT_CELLS = 1_000;
    static final int MAX_PULSES = 200;

    public WallLayers {
        heat = List.copyOf(heat);
        pulses = List.copyOf(pulses);
    }

    /** Demands in one H3 cell, at its centre. */
    public record HeatSpot(double lon, double lat, long demands) {
    }

    /** A marker that pulses: a fresh breach ({@code sos} false) or an open SOS, at a spot inside its area. */
    public record Pulse(String caseId, boolean sos, double lon, double lat) {
    }

    /** Reads the layers of an area the caller has checked against the user's scope. */
    public static WallLayers read(Warehouse warehouse, Region region, AreaCode area, ZoneId zone, Instant now) {
        return read(warehouse, region, area, null, zone, now);
    }

    /**
     * Reads the layers of an area the caller has checked against the user's scope; with a {@code department}
     * (a department head's), the pulses are the fresh breaches of the cases last assigned to it and no SOS
     * (a device's alert belongs to no department).
     */
    public static WallLayers read(Warehouse warehouse, Region region, AreaCode area, String department, ZoneId zone,
                                  Instant now) {
        var queries = new MapLayerQueries(warehouse);
        var midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        var heat = !midnight.isBefore(now) ? List.<HeatSpot>of()
                : queries.demandHeat(area, midnight, now, null, HeatLayer.resolution(area), MAX_HEAT_CELLS).stream()
                .map(c -> {
                    var centre = HexCells.centre(c.h3Cell());
                    return new HeatSpot(centre.x, centre.y, c.events());
                })
                .toList();
        var points = new AreaPoints(region);
        var pulses = new ArrayList<Pulse>();
        var alerts = department == null
                ? queries.openAlerts(area, List.of(AlertKind.DEVICE_SOS, AlertKind.SLA_BREACH,
                        AlertKind.SLA_ESCALATION), MAX_PULSES)
                : new io.gridpulse.warehouse.cases.CaseDepartments(warehouse)
                        .openAlerts(area, department, List.of(AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION), MAX_PULSES);
        for (var alert : alerts) {
            boolean sos = alert.kind() == AlertKind.DEVICE_SOS;
            if (!sos && alert.raisedAt().isBefore(now.minus(MapLayers.FRESH_BREACH))) {
                continue;
            }
            points.place(alert.finestArea(), alert.alertId())
                    .ifPresent(at -> pulses.add(new Pulse(alert.caseId(), sos, at.x, at.y)));
        }
        return new WallLayers(heat, pulses);
    }

    /** The heat's colour scale, hidden: a visualMap object for the heat series at {@code heatSeriesIndex}. */
    public String heatVisualMap(int heatSeriesIndex) {
        long max = Math.max(1, heat.stream().mapToLong(HeatSpot::demands).max().orElse(1));
        return """
                {"type":"continuous","seriesIndex":%d,"show":false,"min":0,"max":%d,
                 "inRange":{"color":["rgba(255,235,59,0)","rgba(255,235,59,0.6)","#ff9800","#f4511e","#ff1744"]}}"""
                .formatted(heatSeriesIndex, max);
    }

    /**
     * The three series, comma-separated (heat, fresh breaches, SOS), for a dark map whose {@code geo}
     * component draws the wall's areas; always all three, so that a merged option drops what went away.
     *
     * @param basePx the wall's base font size, from which the markers are sized
     * @param text   translations
     */
    public String series(int basePx, Function<String, String> text) {
        var heatData = heat.stream().map(h -> "[" + h.lon() + "," + h.lat() + "," + h.demands() + "]")
                .collect(Collectors.joining(","));
        var breaches = pulses.stream().filter(p -> !p.sos()).map(WallLayers::item).collect(Collectors.joining(","));
        var sos = pulses.stream().filter(Pulse::sos).map(WallLayers::item).collect(Collectors.joining(","));
        return """
                {"id":"wall-heat","name":%s,"type":"heatmap","coordinateSystem":"geo","pointSize":%d,"blurSize":%d,
                 "tooltip":{"show":false},"data":[%s]},
                {"id":"wall-breaches","name":%s,"type":"effectScatter","coordinateSystem":"geo","symbolSize":%d,"z":5,
                 "rippleEffect":{"brushType":"stroke","scale":4,"period":2.5},
                 "itemStyle":{"color":"#ff1744","borderColor":"#ffffff","borderWidth":2,"shadowBlur":8,"shadowColor":"#ffffff"},
                 "tooltip":{"formatter":"{a}<br/>{b}"},"data":[%s]},
                {"id":"wall-sos","name":%s,"type":"effectScatter","coordinateSystem":"geo","symbolSize":%d,"z":6,
                 "symbol":"diamond","rippleEffect":{"brushType":"fill","scale":4,"period":1.5},
                 "itemStyle":{"color":"#ff4081","borderColor":"#ffffff","borderWidth":2,"shadowBlur":8,"shadowColor":"#ffffff"},
                 "tooltip":{"formatter":"{a}<br/>{b}"},"data":[%s]}"""
                .formatted(Json.string(text.apply("map.layer.heat")), basePx, basePx + basePx / 2, heatData,
                        Json.string(text.apply("map.legend.breach-fresh")), Math.max(12, basePx * 5 / 6), breaches,
                        Json.string(text.apply("map.legend.device.sos")), Math.max(14, basePx), sos);
    }

    private static String item(Pulse p) {
        return "{\"name\":" + Json.string(p.caseId()) + ",\"value\":[" + p.lon() + "," + p.lat() + "]}";
    }
}
