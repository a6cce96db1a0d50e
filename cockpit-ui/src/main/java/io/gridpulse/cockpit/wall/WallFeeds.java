package io.gridpulse.cockpit.wall;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.layers.WallLayers;
import io.gridpulse.cockpit.live.LiveQuery;
import io.gridpulse.cockpit.live.LiveQueryCache;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.alerts.AlertFilter;
import io.gridpulse.warehouse.kpi.KpiQueries;

import java.time.Duration;
import java.util.List;

/**
 * The wall screen's live queries, one per reader and shared by every wall that shows the same reader: the area
 * shown and, for a department head, their department (whose figures never mix with the area's). The view only
 * subscribes; what is read, and how often, is here.
 */
final class WallFeeds {
    private static volatile WallFeeds shared;

    /** Whose wall: an area, and a department head's department (null for everyone else). */
    record Reader(AreaCode area, String department) {}

    private final CockpitContext context;
    private final KpiQueries kpis;
    private final LiveQueryCache<AreaCode, WallData> counts;
    private final LiveQueryCache<AreaCode, WallIndicators> indicators;
    private final LiveQueryCache<Reader, WallLayers> layers;
    private final LiveQueryCache<Reader, List<Alert>> tickers;
    private final LiveQueryCache<Reader, DepartmentAlertCounts> departments;
    private final LiveQueryCache<AreaCode, WeekTrend> trends;

    private WallFeeds(CockpitContext context) {
        this.context = context;
        this.kpis = new KpiQueries(context.warehouse());
        // events and demands today, open alerts and breaches, today's events and breaches per child: every 2 s
        this.counts = new LiveQueryCache<>(a -> new LiveQuery<>("wall-" + a,
                () -> WallData.read(context.warehouse(), a.value(), context.zone(), context.clock()), Duration.ofSeconds(2)));
        // the twelve indicators, month to date: every 30 s, they move slowly
        this.indicators = new LiveQueryCache<>(a -> new LiveQuery<>("wall-kpis-" + a,
                () -> WallIndicators.read(kpis, a, context.zone(), context.clock()), Duration.ofSeconds(30)));
        // the map's live layers (today's demand heat, fresh breaches, open SOS) of the reader: every 5 s
        this.layers = new LiveQueryCache<>(r -> new LiveQuery<>("wall-layers-" + key(r),
                () -> WallLayers.read(context.warehouse(), context.region(), r.area(), r.department(), context.zone(),
                        context.clock().instant()), Duration.ofSeconds(5)));
        // the ticker's newest alerts of the reader: every second, a read of the small alerts table
        this.tickers = new LiveQueryCache<>(r -> new LiveQuery<>("wall-ticker-" + key(r),
                () -> context.warehouse().alerts().page(AlertFilter.ANY.inArea(r.area()).ofDepartment(r.department()), null,
                        WallData.TICKER_SIZE).items(), Duration.ofSeconds(1)));
        // a department's alert figures, in place of the area's for its head: every 2 s
        this.departments = new LiveQueryCache<>(r -> new LiveQuery<>("wall-department-" + key(r),
                () -> DepartmentAlertCounts.read(context.warehouse(), r.area(), r.department()), Duration.ofSeconds(2)));
        // the week's trend, day by day: once a minute, a day's bar grows slowly
        this.trends = new LiveQueryCache<>(a -> new LiveQuery<>("wall-trend-" + a,
                () -> WeekTrend.read(context.warehouse(), a, context.zone(), context.clock()), Duration.ofSeconds(60)));
    }

    /** The feeds of the cockpit's context (one cockpit per process). */
    static WallFeeds of(CockpitContext context) {
        var feeds = shared;
        if (feeds == null || feeds.context != context) {
            synchronized (WallFeeds.class) {
                feeds = shared;
                if (feeds == null || feeds.context != context) {
                    feeds = new WallFeeds(context);
                    shared = feeds;
                }
            }
        }
        return feeds;
    }

    LiveQuery<WallData> counts(AreaCode area) {
        return counts.get(area);
    }

    LiveQuery<WallIndicators> indicators(AreaCode area) {
        return indicators.get(area);
    }

    LiveQuery<WallLayers> layers(Reader reader) {
        return layers.get(reader);
    }

    LiveQuery<List<Alert>> ticker(Reader reader) {
        return tickers.get(reader);
    }

    LiveQuery<DepartmentAlertCounts> departmentCounts(Reader reader) {
        return departments.get(reader);
    }

    LiveQuery<WeekTrend> trend(AreaCode area) {
        return trends.get(area);
    }

    /**
     * Reads the wall of an area once, in the background, and keeps the answers: the first screen that opens that
     * wall after a start then paints at once (a cold first read of the twelve indicators, the map and the trend
     * took 5 s on 10 million events) while its own live queries refresh. Nothing keeps polling afterwards.
     */
    void prepare(AreaCode area) {
        counts.pinned(area).prefetch();
        indicators.pinned(area).prefetch();
        layers.pinned(new Reader(area, null)).prefetch();
        trends.pinned(area).prefetch();
    }

    private static String key(Reader reader) {
        return reader.area() + (reader.department() == null ? "" : "-" + reader.department());
    }
}
