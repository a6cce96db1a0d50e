package io.gridpulse.simulator.events;

import java.util.Locale;

/**
 * How many events per simulated hour each kind of activity produces, follow-ups included (a visit's demands
 * and their lifecycles count with visits, a ticket's call and rating with tickets). Weekly profiles move
 * each around its mean: nights are quiet, halls close at weekends.
 *
 * <p>Presets:
 * <ul>
 * <li>{@link #demo(double)}: a lively cockpit at a small rate (3,600/h by default): 40% telemetry, 22% visits,
 *     17% residents' demands, 15% hall tickets, 4% plaques, 2% detections.</li>
 * <li>{@link #county()}: the demo region at its real size ({@code docs/domain.md} §1: 1.08 million residents, about
 *     350,000 households, 5,000 wristbands, 15 halls), about 21.6 events/s; see the method for the derivation.</li>
 * <li>{@link #province()}: {@value #COUNTIES_PER_PROVINCE} counties' worth (a province of about 66 million,
 *     Hunan's 2020 census, / 1.08 million), about 1,320 events/s, driven through the one demo city.</li>
 * </ul>
 */
public record Mix(double telemetry, double visits, double demands, double hallTickets, double plaques, double detections) {

    /** County-sized regions in a province: Hunan's 66.4 million residents (2020 census) / 1.08 million. */
    public static final int COUNTIES_PER_PROVINCE = 61;

    // --- the county's figures (docs/domain.md §1 and §3, and assumptions where the plans give none) ----------
    /** Wristbands ({@code 002}) and how often each reports (assumed: every 5 minutes). */
    static final double WRISTBANDS = 5_000;
    static final double WRISTBAND_REPORTS_PER_HOUR = 12;
    /** Wristbands' share of telemetry in the generator (the rest: terminals, kiosks, queue and rating machines). */
    static final double WRISTBAND_SHARE_OF_TELEMETRY = 0.80;
    /** Households of the demo city (1.08 M residents at 3.16 per rural and 2.98 per urban household). */
    static final double HOUSEHOLDS = 349_600;
    /** Households of one resident aged 60+, visited weekly rather than monthly (docs/domain.md §3). */
    static final double ELDERLY_ALONE_HOUSEHOLDS = 23_800;
    /** Demands filed by residents themselves (12345, app, kiosk, observers, Open311): assumed 1 per 1,000 residents a day. */
    static final double RESIDENT_DEMANDS_PER_DAY = 1_080;
    /** Hall windows of the demo (5 streets x 10, 10 townships x 6) and tickets per window per working day (20 min each). */
    static final double HALL_WINDOWS = 110;
    static final double TICKETS_PER_WINDOW_DAY = 20;
    /** Plaques of the demo city (2 per grid, 1 per community, 3 per street) scanned twice a day each (assumed). */
    static final double PLAQUES = 2 * 1_080 + 110 + 3 * 15;
    static final double SCANS_PER_PLAQUE_DAY = 2;
    /** Sensors of the demo city (cameras, smoke alarms, gates, environment) with 3 detections a day each (assumed). */
    static final double SENSORS = 450 + 110 + 110 + 15;
    static final double DETECTIONS_PER_SENSOR_DAY = 3;

    public Mix {
        for (double rate : new double[] {telemetry, visits, demands, hallTickets, plaques, detections}) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("every rate of a mix must be a finite number of at least 0, got " + rate);
            }
        }
        if (!(telemetry + visits + demands + hallTickets + plaques + detections > 0)) {
            throw new IllegalArgumentException("a mix must produce some events");
        }
    }

    /** The demo's shares at this total rate (events per simulated hour). */
    public static Mix demo(double eventsPerHour) {
        if (!(eventsPerHour > 0) || Double.isInfinite(eventsPerHour)) {
            throw new IllegalArgumentException("eventsPerSimulatedHour must be a positive number, got " + eventsPerHour);
        }
        return new Mix(eventsPerHour * 0.40, eventsPerHour * 0.22, eventsPerHour * 0.17, eventsPerHour * 0.15,
                eventsPerHour * 0.04, eventsPerHour * 0.02);
    }

    /**
     * The demo region at its real size, derived per activity (weekly means, follow-up events included):
     * <ul>
     * <li>telemetry: 5,000 wristbands x 12 reports/h = 60,000/h, which is 80% of telemetry: 75,000/h;</li>
     * <li>visits: every household monthly, the elderly living alone weekly: (349,600 + 23,800 x (52/12 - 1)) / 730.5 h
     *     = 587 visits/h, x 3.23 events each (30% raise a demand with a 6.8-event lifecycle): 1,899/h;</li>
     * <li>residents' own demands: 1,080 a day = 45/h x 6.8 events: 305/h;</li>
     * <li>hall tickets: 110 windows x 20 tickets a working day, Saturdays at 15%: 69/h x 4.26 events: 295/h;</li>
     * <li>plaques: 2,315 plaques x 2 scans a day = 193/h x 1.05 (5% rate the plaque): 203/h;</li>
     * <li>detections: 685 sensors x 3 a day: 86/h.</li>
     * </ul>
     * Total about 77,800 events/h = 21.6 events/s on average; the busiest weekday hour is about 1.1 times that
     * (telemetry is flat round the clock and dominates), the office-hour business events about 2 to 3 times their mean.
     */
    public static Mix county() {
        double telemetry = WRISTBANDS * WRISTBAND_REPORTS_PER_HOUR / WRISTBAND_SHARE_OF_TELEMETRY;
        double visitsPerMonth = HOUSEHOLDS + ELDERLY_ALONE_HOUSEHOLDS * (52.0 / 12 - 1);
        double visits = visitsPerMonth / (365.25 / 12 * 24) * EventGenerator.VISIT_EVENTS;
        double demands = RESIDENT_DEMANDS_PER_DAY / 24 * EventGenerator.CASE_EVENTS;
        double tickets = HALL_WINDOWS * TICKETS_PER_WINDOW_DAY * (5 + 2 * 0.15) / 7 / 24 * EventGenerator.TICKET_EVENTS;
        double plaques = PLAQUES * SCANS_PER_PLAQUE_DAY / 24 * (1 + EventGenerator.PLAQUE_SCAN_FEEDBACK);
        double detections = SENSORS * DETECTIONS_PER_SENSOR_DAY / 24;
        return new Mix(telemetry, visits, demands, tickets, plaques, detections);
    }

    /** {@value #COUNTIES_PER_PROVINCE} counties: the county's mix that many times over. */
    public static Mix province() {
        return county().times(COUNTIES_PER_PROVINCE);
    }

    /** A preset by name: {@code demo} (at 3,600 events/h), {@code county} or {@code province}. */
    public static Mix preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "demo" -> demo(EventGenerator.DEFAULT_EVENTS_PER_SIMULATED_HOUR);
            case "county" -> county();
            case "province" -> province();
            default -> throw new IllegalArgumentException("unknown preset \"" + name + "\": demo, county or province");
        };
    }

    /** Every rate multiplied by {@code factor}. */
    public Mix times(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a mix is scaled by a positive number, got " + factor);
        }
        return new Mix(telemetry * factor, visits * factor, demands * factor, hallTickets * factor, plaques * factor,
                detections * factor);
    }

    /** The same shares at another total rate. */
    public Mix scaledTo(double eventsPerHour) {
        return times(eventsPerHour / eventsPerHour());
    }

    /** The mean total, events per simulated hour. */
    public double eventsPerHour() {
        return telemetry + visits + demands + hallTickets + plaques + detections;
    }

    /** The mean total, events per simulated second. */
    public double eventsPerSecond() {
        return eventsPerHour() / 3600;
    }

    double of(EventGenerator.Activity activity) {
        return switch (activity) {
            case TELEMETRY -> telemetry;
            case VISIT -> visits;
            case DEMAND -> demands;
            case TICKET -> hallTickets;
            case PLAQUE -> plaques;
            case DETECTION -> detections;
        };
    }
}
