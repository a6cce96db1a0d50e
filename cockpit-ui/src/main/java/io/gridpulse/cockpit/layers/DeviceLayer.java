package io.gridpulse.cockpit.layers;

import io.gridpulse.geo.region.Region;
import io.gridpulse.warehouse.layers.DeviceMarker;
import io.gridpulse.warehouse.layers.DeviceState;
import io.gridpulse.warehouse.layers.MapLayerQueries;
import org.locationtech.jts.geom.Coordinate;

import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * Devices by state, one series each (online, offline, low battery, SOS, which pulses), at their last position or,
 * without one, at a spot in their grid. An SOS is an alert about a person's device, not about a case: it belongs to no
 * department and stays with the area's watchers (as in the inbox and the wall), so a department's view leaves it out.
 */
final class DeviceLayer implements Layer {
    private final MapLayerQueries queries;
    private final Region region;
    private final LayerText text;

    DeviceLayer(MapLayerQueries queries, Region region, LayerText text) {
        this.queries = queries;
        this.region = region;
        this.text = text;
    }

    @Override
    public void draw(Request request, Drawing drawing) {
        var shown = request.choice().shows(MapLayer.DEVICES);
        List<DeviceMarker> devices = shown ? queries.devices(request.area(), request.now(), MapLayers.MAX_DEVICES) : List.of();
        var sosShown = request.department() == null;
        if (!sosShown) {
            devices = devices.stream().filter(d -> d.state() != DeviceState.SOS).toList();
        }
        var byState = new EnumMap<DeviceState, com.fasterxml.jackson.databind.node.ArrayNode>(DeviceState.class);
        for (var state : DeviceState.values()) {
            var sos = state == DeviceState.SOS;
            byState.put(state, drawing.markers("layer-devices-" + state.wireName(), text.text("map.legend.device." + state.wireName()),
                    sos ? "effectScatter" : "scatter", "circle", sos ? 12 : 8, colour(state), sos ? 6 : 4));
            if (shown && (sosShown || !sos)) {
                drawing.legend.add(text.text("map.legend.device." + state.wireName()));
            }
        }
        var points = new AreaPoints(region);
        for (var device : devices) {
            var at = device.lon() != null && device.lat() != null ? Optional.of(new Coordinate(device.lon(), device.lat()))
                    : points.place(device.gridCode(), device.deviceId());
            at.ifPresent(c -> byState.get(device.state()).add(Drawing.point(device.deviceId(), label(device), c.x, c.y)));
        }
        if (shown) {
            drawing.summary.put("layer-summary-devices", text.text("map.summary.devices", devices.size(),
                    byState.get(DeviceState.ONLINE).size(), byState.get(DeviceState.OFFLINE).size(),
                    byState.get(DeviceState.SOS).size(), byState.get(DeviceState.LOW_BATTERY).size())
                    + text.capped(devices.size(), MapLayers.MAX_DEVICES));
        }
    }

    private static String colour(DeviceState state) {
        return switch (state) {
            case SOS -> "#d50000";
            case OFFLINE -> "#757575";
            case LOW_BATTERY -> "#ef6c00";
            case ONLINE -> "#2e7d32";
        };
    }

    private String label(DeviceMarker device) {
        var label = new StringBuilder(device.deviceId());
        if (!device.deviceType().isEmpty()) {
            label.append(" · ").append(text.label("map.device-type.", device.deviceType()));
        }
        label.append(" · ").append(text.text("map.legend.device." + device.state().wireName()));
        if (device.batteryPercent() != null) {
            label.append(" · ").append(text.text("map.device.battery", Math.round(device.batteryPercent())));
        }
        return label.append(" · ").append(text.when(device.lastSeen())).toString();
    }
}
