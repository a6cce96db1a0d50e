package io.gridpulse.cockpit.wall;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.trend.DailyTrend;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The week's trend on the wall: events a day as bars, demands raised and SLA breaches as lines, the last
 * seven days ending today (local time). Read once a minute; the chart option is built here so that it can
 * be checked without a browser.
 */
record WeekTrend(List<DailyTrend.Day> days) {
    static final int DAYS = 7;

    static WeekTrend read(Warehouse warehouse, AreaCode area, ZoneId zone, Clock clock) {
        return new WeekTrend(new DailyTrend(warehouse).days(area, zone, LocalDate.now(clock.withZone(zone)), DAYS));
    }

    /** The ECharts option: day labels like "周一" over "23日" (or "Mon" over "23"), fonts scaled to the screen's base size. */
    String option(int basePx, Locale locale, UnaryOperator<String> translate) {
        // the day of the month only under the weekday: "11-23" under each day overlapped its neighbours at 1920x1080
        var chinese = locale.getLanguage().equals("zh");
        var labels = days.stream().map(d -> json(d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale)
                + "\n" + d.date().getDayOfMonth() + (chinese ? "日" : ""))).collect(Collectors.joining(","));
        var events = days.stream().map(d -> String.valueOf(d.events())).collect(Collectors.joining(","));
        var demands = days.stream().map(d -> String.valueOf(d.demands())).collect(Collectors.joining(","));
        var breaches = days.stream().map(d -> String.valueOf(d.breaches())).collect(Collectors.joining(","));
        int small = Math.max(10, basePx * 17 / 20);
        return """
                {"backgroundColor":"transparent","animation":false,
                 "grid":{"left":%d,"right":%d,"top":%d,"bottom":%d,"containLabel":true},
                 "legend":{"top":0,"textStyle":{"color":"#cfe3ff","fontSize":%d},"itemWidth":%d,"itemHeight":%d},
                 "tooltip":{"trigger":"axis"},
                 "xAxis":{"type":"category","data":[%s],"axisLabel":{"color":"#9ecbff","fontSize":%d,"interval":0}},
                 "yAxis":[{"type":"value","axisLabel":{"color":"#7fa7d9","fontSize":%d},"splitLine":{"lineStyle":{"color":"rgba(120,180,255,0.15)"}}},
                          {"type":"value","axisLabel":{"color":"#7fa7d9","fontSize":%d},"splitLine":{"show":false}}],
                 "series":[{"id":"events","name":%s,"type":"bar","data":[%s],"itemStyle":{"color":"#1e88e5"}},
                           {"id":"demands","name":%s,"type":"line","yAxisIndex":1,"data":[%s],"itemStyle":{"color":"#ffd54f"},"lineStyle":{"width":%d}},
                           {"id":"breaches","name":%s,"type":"line","yAxisIndex":1,"data":[%s],"itemStyle":{"color":"#ff6e6e"},"lineStyle":{"width":%d}}]}
                """.formatted(basePx / 2, basePx / 2, basePx * 2, basePx / 3, small, basePx, small / 2,
                labels, small, small, small,
                json(translate.apply("wall.trend.events")), events,
                json(translate.apply("wall.trend.demands")), demands, Math.max(2, basePx / 6),
                json(translate.apply("wall.trend.breaches")), breaches, Math.max(2, basePx / 6));
    }

    private static String json(String s) {
        return io.gridpulse.cockpit.charts.Json.string(s);
    }
}
