package io.gridpulse.simulator.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How the rate of one kind of activity moves over the week, in local time (UTC+8): an hourly
 * shape and a weekend factor, scaled so that the weekly mean is 1.
 */
record DailyProfile(double[] hourly, double weekend, double mean, double max) {

    static final ZoneOffset LOCAL = ZoneOffset.ofHours(8);

    /** Round the clock, the same every hour (wristbands, sensors). */
    static final DailyProfile FLAT = of(repeat(1), 1);
    /** Grid workers' field hours: 8:00-18:00 with a lunch break, little at weekends. */
    static final DailyProfile FIELD_WORK = of(new double[] {
        0, 0, 0, 0, 0, 0, 0, 0.1, 0.6, 1.5, 1.5, 1.2, 0.4, 0.5, 1.4, 1.4, 1.4, 1.0, 0.5, 0.3, 0.2, 0, 0, 0}, 0.3);
    /** Residents filing demands (hotline, app, kiosk): mostly office hours, some in the evening. */
    static final DailyProfile RESIDENTS = of(new double[] {
        0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.2, 1.5, 1.5, 1.2, 0.8, 0.8, 1.3, 1.3, 1.2, 1.0, 0.8, 0.9, 0.8, 0.6, 0.3, 0.2}, 0.6);
    /** Service halls: open 8:30-12:00 and 14:00-17:30, peaks 9-11 and 14-16; Saturday mornings only lightly. */
    static final DailyProfile SERVICE_HALL = of(new double[] {
        0, 0, 0, 0, 0, 0, 0, 0, 0.5, 2.0, 2.0, 1.0, 0.1, 0.1, 1.8, 1.8, 1.0, 0.4, 0, 0, 0, 0, 0, 0}, 0.15);
    /** People out and about (plaque scans, street detections): daytime and evening. */
    static final DailyProfile DAYTIME = of(new double[] {
        0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.2, 1.3, 1.3, 1.3, 1.2, 1.2, 1.3, 1.3, 1.3, 1.3, 1.4, 1.4, 1.2, 0.8, 0.4, 0.2}, 0.9);

    private static DailyProfile of(double[] hourly, double weekend) {
        double sum = 0;
        double max = 0;
        for (double h : hourly) {
            sum += h;
            max = Math.max(max, h);
        }
        double mean = (5 * sum + 2 * weekend * sum) / (7 * 24);
        return new DailyProfile(hourly.clone(), weekend, mean, Math.max(max, max * weekend) / mean);
    }

    private static double[] repeat(double value) {
        var hourly = new double[24];
        java.util.Arrays.fill(hourly, value);
        return hourly;
    }

    /** The rate factor at an instant; its weekly mean is 1 and it never exceeds {@link #max()}. */
    double at(Instant t) {
        var local = t.atOffset(LOCAL);
        var day = local.getDayOfWeek();
        double f = hourly[local.getHour()] / mean;
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? f * weekend : f;
    }
}
