package io.gridpulse.geo.registry;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceType;

/**
 * One device of a registry, placed in a grid; {@code householdId} names the wearer's household of a
 * wristband (null for other devices), {@code hallId} the service hall of a hall machine (may be null).
 */
public record RegisteredDevice(String id, DeviceType type, AreaCode grid, String householdId, String hallId) {
}
