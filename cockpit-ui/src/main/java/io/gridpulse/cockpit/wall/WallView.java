package io.gridpulse.cockpit.wall;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.Lumo;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.charts.EChart;
import io.gridpulse.cockpit.layers.WallLayers;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.kpi.Indicator;
import io.gridpulse.model.kpi.IndicatorValue;
import io.gridpulse.warehouse.AreaCount;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wall screen for party committee leaders: an unattended, dark 16:9 screen that updates itself
 * by push. {@code /wall} shows the signed-in user's scope; {@code /wall/<area code>} pins a kiosk to
 * one area inside it (an area outside it is refused, here and in the access guard). A department head's
 * wall counts, ranks, pulses and tickers only the alerts of the cases last assigned to their department.
 */
@Route("wall")
@Requires(value = Permission.VIEW_INDICATORS, areaInPath = true)
@CssImport("./wall.css")
public final class WallView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CockpitContext context = CockpitContext.get();
    private final WallFeeds feeds = WallFeeds.of(context);
    /** What this screen follows while attached; each entry stops one subscription. */
    private final List<Runnable> subscriptions = new java.util.ArrayList<>();
    /** Alerts name cases and places in real time: a role without the inbox (analysts) sees counts, no markers or ticker. */
    private final boolean seesAlerts = SignedIn.user().map(u -> u.may(Permission.VIEW_ALERTS)).orElse(false);
    /** A department head's department: their alerts only; null for everyone else. */
    private final String department = SignedIn.user().map(u -> u.department()).orElse(null);
    private DepartmentAlertCounts departmentCounts;
    private final Span clock = new Span();
    private final Span title = new Span();
    private final Tile events = new Tile("wall.kpi.events");
    private final Tile demands = new Tile("wall.kpi.demands");
    private final Tile openAlerts = new Tile("wall.kpi.open-alerts");
    private final Tile breaches = new Tile("wall.kpi.breaches");
    private final EChart map = new EChart("dark");
    private final Div indicators = new Div();
    private final Map<Indicator, IndicatorTile> indicatorTiles = new java.util.EnumMap<>(Indicator.class);
    private final Div redList = new Div();
    private final Div blackList = new Div();
    private final Div ticker = new Div();
    private final EChart trend = new EChart("dark");
    private WeekTrend lastTrend;
    private AreaCode area;
    private Map<String, String> childNames = Map.of();
    /** The map's base font size in pixels, from the screen's height: 18 px at 1080 lines, 36 px at 2160. */
    private int basePx = 18;
    private WallData last;
    private WallLayers layers = WallLayers.NONE;

    public WallView() {
        addClassName("gp-wall");
        setId("wall");
        var header = new Div(new H1(title), clock);
        header.addClassName("gp-wall-header");
        clock.addClassName("gp-wall-clock");
        var kpis = new Div(events, demands, openAlerts, breaches);
        kpis.addClassName("gp-wall-kpis");
        indicators.addClassName("gp-wall-indicators");
        indicators.setId("wall-indicators");
        for (var indicator : Indicator.values()) {
            var tile = new IndicatorTile(indicator);
            indicatorTiles.put(indicator, tile);
            indicators.add(tile);
        }
        map.addClassName("gp-wall-map");
        map.setId("wall-map");
        redList.setId("red-list");
        blackList.setId("black-list");
        trend.setId("week-trend");
        trend.addClassName("gp-wall-trend");
        var trendBody = new Div(trend);
        trendBody.addClassName("gp-wall-trend-body");
        var rankings = new Div(panel("wall.red", redList), panel("wall.black", blackList), panel("wall.trend", trendBody));
        rankings.addClassName("gp-wall-rankings");
        ticker.addClassName("gp-wall-ticker");
        ticker.setId("alert-ticker");
        add(header, indicators, kpis, map, rankings, ticker);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String areaCode) {
        var user = SignedIn.user();
        if (user.isEmpty()) {
            return;   // the access guard sends this navigation to the sign-in page
        }
        var region = context.region();
        area = user.get().scope();
        if (areaCode != null) {
            var asked = user.get().visible(areaCode);
            if (asked.isEmpty()) {
                event.rerouteToError(AccessDenied.class, "area " + areaCode + " is outside " + user.get().name() + "'s scope");
                return;
            }
            area = asked.get();
            if (region.area(area).isEmpty()) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, areaCode);
                return;
            }
        }
        var english = Languages.current().getLanguage().equals("en");
        title.setText(getTranslation("wall.title", name(region.area(area).orElseThrow(), english)));
        childNames = region.children(area).stream()
                .collect(Collectors.toMap(a -> a.code().value(), a -> name(a, english)));
        map.registerMap("area-" + area, region.childrenGeoJson(area));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        ui.getElement().setAttribute("theme", Lumo.DARK);
        var reader = new WallFeeds.Reader(area, department);
        subscriptions.add(feeds.counts(area).subscribe(data -> ui.access(() -> show(data))));
        subscriptions.add(feeds.indicators(area).subscribe(data -> ui.access(() -> showIndicators(data))));
        if (department != null) {
            subscriptions.add(feeds.departmentCounts(reader).subscribe(counts -> ui.access(() -> {
                departmentCounts = counts;
                if (last != null) {
                    show(last);
                }
            })));
        }
        subscriptions.add(feeds.layers(reader).subscribe(data -> ui.access(() -> {
            layers = seesAlerts ? data : new WallLayers(data.heat(), List.of());
            if (last != null) {
                map.setOption(mapOption(last.todayByChild()));
            }
        })));
        if (seesAlerts) {
            subscriptions.add(feeds.ticker(reader).subscribe(alerts -> ui.access(() -> showTicker(alerts))));
        }
        subscriptions.add(feeds.trend(area).subscribe(data -> ui.access(() -> {
            lastTrend = data;
            trend.setOption(data.option(basePx, Languages.current(), key -> getTranslation(key)));
        })));
        ui.getPage().retrieveExtendedClientDetails(details -> {
            basePx = Math.max(12, details.getWindowInnerHeight() / 60);
            if (last != null) {
                map.setOption(mapOption(last.todayByChild()));
            }
            if (lastTrend != null) {
                trend.setOption(lastTrend.option(basePx, Languages.current(), key -> getTranslation(key)));
            }
        });
        // the clock ticks in the browser, every second, with no server traffic: an unattended screen shows it is alive
        clock.setText(ZonedDateTime.now(context.clock().withZone(context.zone())).format(CLOCK));
        clock.getElement().executeJs("const el = this, zone = $0;"
                + "const fmt = new Intl.DateTimeFormat('sv-SE', {timeZone: zone, year: 'numeric', month: '2-digit',"
                + " day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false});"
                + "clearInterval(el.__tick); el.__tick = setInterval(() => el.textContent = fmt.format(new Date()), 1000);",
                context.zone().getId());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        detach.getUI().getElement().removeAttribute("theme");
    }

    private void show(WallData data) {
        last = data;
        var numbers = NumberFormat.getIntegerInstance(Languages.current());
        events.show(numbers.format(data.eventsToday()), false);
        demands.show(numbers.format(data.demandsToday()), false);
        if (department == null) {
            openAlerts.show(numbers.format(data.openAlerts()), data.openAlerts() > 0);
            breaches.show(numbers.format(data.openBreaches()), data.openBreaches() > 0);
        } else if (departmentCounts == null) {
            // never the area's figures for a department head, not even until the department's arrive
            openAlerts.show("–", false);
            breaches.show("–", false);
        } else {
            openAlerts.show(numbers.format(departmentCounts.openAlerts()), departmentCounts.openAlerts() > 0);
            breaches.show(numbers.format(departmentCounts.openBreaches()), departmentCounts.openBreaches() > 0);
        }
        map.setOption(mapOption(data.todayByChild()));
        showRankings(data.handledByChild(), department == null ? data.breachesByChild()
                : departmentCounts == null ? List.of() : departmentCounts.breachesByChild());
    }

    /**
     * Reads the wall of an area once, in the background, so that the first screen that opens it after a start paints
     * at once (see {@link WallFeeds#prepare}).
     */
    public static void prepare(CockpitContext context, AreaCode area) {
        WallFeeds.of(context).prepare(area);
    }

    private void showTicker(List<Alert> alerts) {
        ticker.removeAll();
        for (var alert : alerts) {
            var item = new Span(tickerLine(alert));
            item.addClassName(alert.isOpen() ? "gp-tick-open" : "gp-tick-cleared");
            ticker.add(item);
        }
    }

    private void showIndicators(WallIndicators data) {
        var locale = Languages.current();
        for (var value : data.thisMonth()) {
            indicatorTiles.get(value.indicator()).show(value, WallIndicators.trend(value, data.lastMonth().get(value.indicator())), locale);
        }
    }

    private void showRankings(List<AreaCount> handledByChild, List<AreaCount> breachesByChild) {
        // black list: most open breaches; red list: the most cases handled today (responses, resolutions, closures)
        // among areas without an open breach. Device reports count for nothing here: they are not work done
        var breachesByArea = breachesByChild.stream().collect(Collectors.toMap(AreaCount::areaCode, AreaCount::events));
        var black = breachesByChild.stream().filter(c -> childNames.containsKey(c.areaCode()))
                .sorted(Comparator.comparingLong(AreaCount::events).reversed()).limit(5).toList();
        var red = handledByChild.stream().filter(c -> childNames.containsKey(c.areaCode()))
                .filter(c -> breachesByArea.getOrDefault(c.areaCode(), 0L) == 0)
                .sorted(Comparator.comparingLong(AreaCount::events).reversed()).limit(5).toList();
        fill(redList, red, "wall.red.unit");
        fill(blackList, black, "wall.black.unit");
    }

    private void fill(Div list, List<AreaCount> rows, String unitKey) {
        list.removeAll();
        int rank = 1;
        for (var row : rows) {
            var line = new Div(new Span(rank++ + ""), new Span(childNames.get(row.areaCode())),
                    new Span(getTranslation(unitKey, row.events())));
            line.addClassName("gp-rank-row");
            list.add(line);
        }
        if (rows.isEmpty()) {
            list.add(new Span(getTranslation("wall.none")));
        }
    }

    private String mapOption(List<AreaCount> counts) {
        long max = Math.max(1, counts.stream().mapToLong(AreaCount::events).max().orElse(1));
        var data = counts.stream().filter(c -> childNames.containsKey(c.areaCode()))
                .map(c -> "{\"name\":" + json(childNames.get(c.areaCode())) + ",\"value\":" + c.events() + "}")
                .collect(Collectors.joining(","));
        // the areas are a geo component coloured by the map series; the live layers (demand heat, pulsing
        // fresh breaches and SOS) are drawn over it by the series after it
        return """
                {"backgroundColor":"transparent",
                 "tooltip":{"trigger":"item"},
                 "visualMap":[{"seriesIndex":0,"min":0,"max":%d,"left":"left","bottom":10,"calculable":true,
                   "itemWidth":%d,"itemHeight":%d,"text":[%s,%s],"textStyle":{"color":"#cfe3ff","fontSize":%d},
                   "inRange":{"color":["#0b3d91","#1e88e5","#ffd54f","#ff7043","#d32f2f"]}},
                   %s],
                 "geo":{"map":%s,"roam":false,"aspectScale":0.9,"labelLayout":{"hideOverlap":true},
                   "label":{"show":true,"color":"#ffffff","fontSize":%d},
                   "itemStyle":{"borderColor":"#9ecbff","borderWidth":1,"areaColor":"#12305a"},
                   "emphasis":{"label":{"color":"#ffffff"},"itemStyle":{"areaColor":"#ffb300"}}},
                 "series":[{"id":"wall-areas","type":"map","geoIndex":0,"data":[%s]},
                   %s]}
                """.formatted(max, basePx, basePx * 8, json(getTranslation("wall.map.high")),
                json(getTranslation("wall.map.low")), basePx, layers.heatVisualMap(1), json("area-" + area), basePx, data,
                layers.series(basePx, key -> getTranslation(key)));
    }

    private String tickerLine(Alert alert) {
        var street = context.areaNames().get(alert.area().street());
        var where = street == null ? alert.area().street() : street.name();
        return getTranslation("alerts.kind." + alert.kind().wireName(), alert.level()) + " · " + where + " · " + alert.caseId();
    }

    private Div panel(String titleKey, Div body) {
        var panel = new Div(new Span(getTranslation(titleKey)), body);
        panel.addClassName("gp-wall-panel");
        return panel;
    }

    private static String name(Area area, boolean english) {
        return area.displayName(english);
    }

    private static String json(String s) {
        return io.gridpulse.cockpit.charts.Json.string(s);
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }

    /** One of the twelve: name, value, target, trend since last month; red when off target. */
    private final class IndicatorTile extends Div {
        private final Indicator indicator;
        private final Span value = new Span("–");
        private final Span target = new Span();
        private final Span trend = new Span();

        IndicatorTile(Indicator indicator) {
            this.indicator = indicator;
            addClassName("gp-indicator");
            setId("indicator-" + indicator.code().replace('_', '-'));
            var english = Languages.current().getLanguage().equals("en");
            var label = new Span(english ? indicator.nameEn() : indicator.nameZh());
            label.addClassName("gp-indicator-label");
            value.addClassName("gp-indicator-value");
            trend.addClassName("gp-indicator-trend");
            target.addClassName("gp-indicator-target");
            target.setText(getTranslation(indicator.better() == Indicator.Better.HIGHER ? "wall.target.higher" : "wall.target.lower",
                    format(indicator.target(), java.util.Locale.ROOT)));
            add(label, new Div(value, trend), target);
        }

        void show(IndicatorValue v, int direction, java.util.Locale locale) {
            value.setText(v.value() == null ? "—" : format(v.value(), locale));
            trend.setText(v.value() == null ? "" : direction > 0 ? "▲" : direction < 0 ? "▼" : "▶");
            trend.getElement().getClassList().set("gp-good", direction > 0);
            trend.getElement().getClassList().set("gp-bad", direction < 0);
            getElement().getClassList().set("gp-alarm", v.value() != null && !v.onTarget());
            getElement().getClassList().set("gp-unmeasured", v.value() == null);
            getElement().setAttribute("title", v.value() == null ? v.note() : "n = " + v.n());
        }

        private String format(double number, java.util.Locale locale) {
            var f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(indicator.unit() == Indicator.Unit.PERCENT && number >= 99.95 ? 0 : 1);
            return switch (indicator.unit()) {
                case PERCENT -> f.format(number) + "%";
                case HOURS -> getTranslation("wall.hours", f.format(number));
                case SCORE -> f.format(number);
            };
        }
    }

    /** One indicator: its name, its value, red when it asks for attention. */
    private final class Tile extends Div {
        private final Span value = new Span("–");

        Tile(String key) {
            addClassName("gp-wall-tile");
            setId("kpi-" + key.substring(key.lastIndexOf('.') + 1));
            var label = new Span(getTranslation(key));
            label.addClassName("gp-tile-label");
            value.addClassName("gp-tile-value");
            add(label, value);
        }

        void show(String text, boolean alarming) {
            value.setText(text);
            getElement().getClassList().set("gp-alarm", alarming);
        }
    }
}
