package io.gridpulse.streams.devices;

import java.time.Instant;

/**
 * What device health needs of one telemetry event: small and flat, so Flink serialises it as a POJO.
 *
 * @param deviceType   the type's wire name (wristband, kiosk ...)
 * @param heartRate    beats per minute, null when not measured
 * @param battery      percent, null when not measured
 * @param sos          whether the SOS button is raised
 * @param status       the status the device reports (online, offline, fault), empty when none
 */
public record DeviceReading(String deviceId, String deviceType, String eventId, Instant occurredAt, Integer heartRate,
                            Double battery, boolean sos, String status, String gridCode, String communityCode,
                            String streetCode, String countyCode) {
}
