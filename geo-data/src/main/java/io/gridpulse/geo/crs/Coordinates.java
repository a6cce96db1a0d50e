package io.gridpulse.geo.crs;

import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.GeoPoint;

/**
 * Brings points reported in China's coordinate systems to WGS84, the system every boundary here is drawn in.
 *
 * <ul>
 * <li><b>GCJ-02</b> (国测局坐标, Amap, Tencent, most Chinese phones): the public forward formula (as in
 * eviltransform), inverted by fixed-point iteration to well under a centimetre, so what is left is the
 * formula's own fidelity to the official offset (about 1 m).
 * <li><b>BD-09</b> (Baidu): a further rotation and shift on top of GCJ-02, undone the same way.
 * <li><b>CGCS2000</b> (国家大地坐标系, surveys and government data): taken as WGS84. The two datums differ by a
 * few centimetres, far below the error of any phone or grid terminal, so converting would only add code.
 * </ul>
 * Outside mainland China's rough bounding box GCJ-02 equals WGS84, and points there are returned unchanged.
 */
public final class Coordinates {

    private static final double A = 6378245.0;                 // Krasovsky 1940 semi-major axis used by GCJ-02
    private static final double EE = 0.00669342162296594323;   // its eccentricity squared
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    private static final double CONVERGED_DEGREES = 1e-10;     // about 0.01 mm
    private static final int MAX_ITERATIONS = 30;

    private Coordinates() {
    }

    /** The same point in WGS84 (a WGS84 or CGCS2000 point keeps its numbers). */
    public static GeoPoint toWgs84(GeoPoint point) {
        return switch (point.crs()) {
            case WGS84 -> point;
            case CGCS2000 -> GeoPoint.wgs84(point.lon(), point.lat());
            case GCJ02 -> gcj02ToWgs84(point.lon(), point.lat());
            case BD09 -> bd09ToWgs84(point.lon(), point.lat());
        };
    }

    /** WGS84 to GCJ-02 (the forward, public formula). */
    public static GeoPoint wgs84ToGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new GeoPoint(lon, lat, Crs.GCJ02);
        }
        double[] d = offset(lon, lat);
        return new GeoPoint(lon + d[0], lat + d[1], Crs.GCJ02);
    }

    /** GCJ-02 to WGS84, by iterating the forward formula until it lands on the given point. */
    public static GeoPoint gcj02ToWgs84(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return GeoPoint.wgs84(lon, lat);
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] d = offset(wLon, wLat);
            double errLon = wLon + d[0] - lon;
            double errLat = wLat + d[1] - lat;
            wLon -= errLon;
            wLat -= errLat;
            if (Math.abs(errLon) < CONVERGED_DEGREES && Math.abs(errLat) < CONVERGED_DEGREES) {
                break;
            }
        }
        return GeoPoint.wgs84(wLon, wLat);
    }

    /** GCJ-02 to BD-09 (Baidu's forward formula). */
    public static GeoPoint gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return new GeoPoint(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006, Crs.BD09);
    }

    /** BD-09 to GCJ-02: the usual closed-form inverse, refined against the forward formula. */
    public static GeoPoint bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            var back = gcj02ToBd09(gLon, gLat);
            double errLon = back.lon() - lon;
            double errLat = back.lat() - lat;
            gLon -= errLon;
            gLat -= errLat;
            if (Math.abs(errLon) < CONVERGED_DEGREES && Math.abs(errLat) < CONVERGED_DEGREES) {
                break;
            }
        }
        return new GeoPoint(gLon, gLat, Crs.GCJ02);
    }

    /** BD-09 to WGS84, through GCJ-02. */
    public static GeoPoint bd09ToWgs84(double lon, double lat) {
        var gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj.lon(), gcj.lat());
    }

    /** Whether a point lies outside the box in which GCJ-02 differs from WGS84. */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** Great-circle distance in metres (haversine on a 6,371 km sphere), for checks and tolerances. */
    public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double[] offset(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }
}
