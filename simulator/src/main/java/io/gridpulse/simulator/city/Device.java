package io.gridpulse.simulator.city;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceType;

/**
 * A device that sends telemetry, placed in a grid; {@code hallId} is set for hall machines and
 * {@code householdIndex} (else -1) for a wristband, whose wearer is that household's eldest.
 */
public record Device(String id, DeviceType type, AreaCode gridCode, int gridIndex, String hallId, int householdIndex) {
}
