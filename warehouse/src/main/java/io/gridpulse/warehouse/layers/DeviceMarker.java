package io.gridpulse.warehouse.layers;

import java.time.Instant;

/**
 * A device on the map: its latest report and its state.
 *
 * @param deviceType     the wire name of its type (wristband, kiosk ...), empty if never reported
 * @param lon            the last reported position (WGS84), null when it never sent one
 * @param lat            see {@code lon}
 * @param gridCode       the grid of its last report
 * @param lastSeen       its last report
 * @param batteryPercent the last reported battery level, null if it reports none
 */
public record DeviceMarker(String deviceId, String deviceType, DeviceState state, Double lon, Double lat,
                           String gridCode, Instant lastSeen, Double batteryPercent) {
}
