package io.gridpulse.simulator.city;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.SensorType;

/** A sensing device that raises detections: an AI camera, smoke alarm, access gate or environment sensor. */
public record Sensor(String id, SensorType type, AreaCode gridCode) {
}
