package io.gridpulse.streams.devices;

import java.io.Serializable;
import java.time.Duration;

/**
 * The thresholds of device health, each configurable.
 *
 * @param offlineAfter      a device that has sent nothing for this long is offline
 * @param lowBatteryPercent a battery below this is low
 * @param heartRateLow      a wristband heart rate below this is abnormal (beats per minute)
 * @param heartRateHigh     a wristband heart rate above this is abnormal
 * @param repairWithin      a device that reported a fault must report online again within this (clock time)
 * @param heartRateReadings how many readings in a row must be outside the band before it is alerted: one abnormal
 *                          reading of a wristband is most often the wearer moving (Prometheus's {@code for:} does the
 *                          same for a metric); an SOS does not wait
 */
public record DeviceRules(Duration offlineAfter, double lowBatteryPercent, int heartRateLow, int heartRateHigh,
                          Duration repairWithin, int heartRateReadings) implements Serializable {

    /** Two abnormal readings in a row (ten minutes apart at a wristband's five-minute beat) before an alert. */
    public static final int DEFAULT_HEART_RATE_READINGS = 2;

    /** Domain.md §3: a device fault is repaired within 4 clock hours. */
    public static final Duration DEFAULT_REPAIR_WITHIN = Duration.ofHours(4);

    public DeviceRules {
        if (offlineAfter.isNegative() || offlineAfter.isZero()) {
            throw new IllegalArgumentException("the offline interval must be positive, got " + offlineAfter);
        }
        if (heartRateLow >= heartRateHigh) {
            throw new IllegalArgumentException("the heart-rate band needs low < high, got " + heartRateLow + ".." + heartRateHigh);
        }
        if (repairWithin.isNegative() || repairWithin.isZero()) {
            throw new IllegalArgumentException("the repair limit must be positive, got " + repairWithin);
        }
        if (heartRateReadings < 1) {
            throw new IllegalArgumentException("at least one abnormal heart-rate reading raises an alert, got " + heartRateReadings);
        }
    }

    /** These thresholds with two abnormal heart-rate readings in a row before an alert. */
    public DeviceRules(Duration offlineAfter, double lowBatteryPercent, int heartRateLow, int heartRateHigh, Duration repairWithin) {
        this(offlineAfter, lowBatteryPercent, heartRateLow, heartRateHigh, repairWithin, DEFAULT_HEART_RATE_READINGS);
    }

    /** These thresholds with the default repair limit. */
    public DeviceRules(Duration offlineAfter, double lowBatteryPercent, int heartRateLow, int heartRateHigh) {
        this(offlineAfter, lowBatteryPercent, heartRateLow, heartRateHigh, DEFAULT_REPAIR_WITHIN);
    }

    /** These rules, alerting a heart rate after {@code readings} abnormal readings in a row. */
    public DeviceRules withHeartRateReadings(int readings) {
        return new DeviceRules(offlineAfter, lowBatteryPercent, heartRateLow, heartRateHigh, repairWithin, readings);
    }

    /**
     * Offline after 10 minutes, battery low below 20%, heart rate normal from 40 to 140 (two readings in a row outside
     * it raise an alert), faults repaired within 4 hours.
     */
    public static DeviceRules defaults() {
        return new DeviceRules(Duration.ofMinutes(10), 20, 40, 140);
    }
}
