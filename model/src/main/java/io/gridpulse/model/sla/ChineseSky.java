package io.gridpulse.model.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The two astronomical events the Chinese calendar is built from, in China's time (UTC+8): new moons (Jean Meeus,
 * Astronomical Algorithms, 2nd ed., ch. 49, with the planetary corrections: within seconds for these centuries) and
 * the sun's apparent ecliptic longitude (ch. 25, low precision: within about 0.01 degree, a quarter of an hour at
 * a solar term). A lunar month starts on the day (in China) of its new moon; the month that contains the solar
 * term at 330 degrees (雨水) is the first, 90 degrees (夏至) the fifth, 180 degrees (秋分) the eighth.
 */
final class ChineseSky {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final double J2000 = 2451545.0;
    private static final double DAY_MS = 86_400_000.0;
    /** The Julian day of 1970-01-01T00:00Z. */
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double MEAN_LUNATION = 29.530588861;
    private static final double TROPICAL_YEAR = 365.2422;

    private ChineseSky() {}

    /** The day, in China, of the last new moon on or before this day. */
    static LocalDate newMoonOnOrBefore(LocalDate day) {
        var k = Math.floor((day.getYear() + (day.getDayOfYear() - 1) / 365.25 - 2000) * 12.3685) + 1;
        var date = newMoonDay(k);
        while (date.isAfter(day)) {
            k--;
            date = newMoonDay(k);
        }
        var next = newMoonDay(k + 1);
        while (!next.isAfter(day)) {
            k++;
            date = next;
            next = newMoonDay(k + 1);
        }
        return date;
    }

    /** The day, in China, the sun reaches this apparent ecliptic longitude (degrees) in this Gregorian year. */
    static LocalDate solarTermDay(int year, double longitude) {
        return LocalDate.ofInstant(solarTerm(year, longitude), CHINA);
    }

    static Instant solarTerm(int year, double longitude) {
        // a first guess from the March equinox (terms past 280 degrees fall early in the year), then Newton steps
        var fromEquinox = longitude >= 280 ? longitude - 360 : longitude;
        var jde = J2000 + (year - 2000) * TROPICAL_YEAR + 79.5 + fromEquinox / 360 * TROPICAL_YEAR;
        for (int i = 0; i < 50; i++) {
            var step = (((longitude - sunLongitude(jde)) % 360) + 540) % 360 - 180;
            jde += step * TROPICAL_YEAR / 360;
            if (Math.abs(step) < 1e-7) {
                break;
            }
        }
        return universal(jde);
    }

    private static LocalDate newMoonDay(double k) {
        return LocalDate.ofInstant(universal(newMoon(k)), CHINA);
    }

    /** The Julian ephemeris day of new moon number {@code k} (0: 2000-01-06). */
    static double newMoon(double k) {
        var t = k / 1236.85;
        var jde = 2451550.09766 + MEAN_LUNATION * k + 0.00015437 * t * t - 0.000000150 * t * t * t
                + 0.00000000073 * t * t * t * t;
        var e = 1 - 0.002516 * t - 0.0000074 * t * t;
        var m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
        var mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t - 0.000000058 * t * t * t * t);
        var f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t + 0.000000011 * t * t * t * t);
        var omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
        var correction = -0.40720 * sin(mm) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mm) + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mm - m) - 0.00514 * e * sin(mm + m) + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mm - 2 * f) - 0.00057 * sin(mm + 2 * f) + 0.00056 * e * sin(2 * mm + m)
                - 0.00042 * sin(3 * mm) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mm - m) - 0.00017 * sin(omega) - 0.00007 * sin(mm + 2 * m)
                + 0.00004 * sin(2 * mm - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mm + m - 2 * f)
                + 0.00003 * sin(2 * mm + 2 * f) - 0.00003 * sin(mm + m + 2 * f) + 0.00003 * sin(mm - m + 2 * f)
                - 0.00002 * sin(mm - m - 2 * f) - 0.00002 * sin(3 * mm + m) + 0.00002 * sin(4 * mm);
        double[][] planetary = {
                {299.77, 0.107408, -0.009173, 0.000325}, {251.88, 0.016321, 0, 0.000165}, {251.83, 26.651886, 0, 0.000164},
                {349.42, 36.412478, 0, 0.000126}, {84.66, 18.206239, 0, 0.000110}, {141.74, 53.303771, 0, 0.000062},
                {207.14, 2.453732, 0, 0.000060}, {154.84, 7.306860, 0, 0.000056}, {34.52, 27.261239, 0, 0.000047},
                {207.19, 0.121824, 0, 0.000042}, {291.34, 1.844379, 0, 0.000040}, {161.72, 24.198154, 0, 0.000037},
                {239.56, 25.513099, 0, 0.000035}, {331.55, 3.592518, 0, 0.000023}};
        for (var term : planetary) {
            correction += term[3] * sin(rad(term[0] + term[1] * k + term[2] * t * t));
        }
        return jde + correction;
    }

    /** The sun's apparent ecliptic longitude in degrees [0, 360) at a Julian ephemeris day. */
    static double sunLongitude(double jde) {
        var t = (jde - J2000) / 36525;
        var l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m)
                + 0.000289 * sin(3 * m);
        var omega = rad(125.04 - 1934.136 * t);
        var apparent = l0 + centre - 0.00569 - 0.00478 * sin(omega);
        return ((apparent % 360) + 360) % 360;
    }

    /** A Julian ephemeris day (terrestrial time) as an instant of universal time. */
    static Instant universal(double jde) {
        var year = 2000 + (jde - J2000) / 365.25;
        var millis = (jde - UNIX_EPOCH_JD) * DAY_MS - deltaT(year) * 1000;
        return Instant.ofEpochMilli(Math.round(millis));
    }

    /** TT - UT in seconds (the NASA polynomials of Espenak and Meeus). */
    static double deltaT(double year) {
        if (year < 2050) {
            var t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        var u = (year - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }

    private static double sin(double radians) {
        return Math.sin(radians);
    }
}
