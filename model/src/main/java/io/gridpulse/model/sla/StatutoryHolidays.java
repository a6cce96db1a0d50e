package io.gridpulse.model.sla;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The public holidays the law itself fixes for a year, known before the State Council's notice for that year is
 * out: the National Holidays regulation (全国年节及纪念日放假办法) as amended in 2024, in force from 2025, gives
 * 元旦 1 January; 春节 4 days, 除夕 to 初三; 清明 the day of the Qingming solar term; 劳动节 1 and 2 May; 端午 the
 * 5th of the 5th lunar month; 中秋 the 15th of the 8th lunar month; 国庆 1 to 3 October. Only the bridging days and
 * the weekend make-up working days (调休) come with the notice. The lunar dates and the solar term are computed in
 * China's time (see {@link ChineseSky}).
 */
public final class StatutoryHolidays {
    /** The first year the amended regulation governs, and the last the astronomy here is trusted for. */
    public static final int FIRST_YEAR = 2025;
    public static final int LAST_YEAR = 2099;

    private static final java.util.Map<Integer, NavigableMap<LocalDate, String>> BY_YEAR =
            new java.util.concurrent.ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /** The statutory holidays of a year, by date, with their names. */
    public static NavigableMap<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("statutory holidays are known here for " + FIRST_YEAR + " to " + LAST_YEAR
                    + " (the regulation as amended in 2024), not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    private static NavigableMap<LocalDate, String> compute(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("statutory holidays are known here for " + FIRST_YEAR + " to " + LAST_YEAR
                    + " (the regulation as amended in 2024), not " + year);
        }
        var days = new TreeMap<LocalDate, String>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "元旦");
        var newYear = lunarMonthStart(year, 330);
        days.put(newYear.minusDays(1), "春节 (除夕)");
        days.put(newYear, "春节");
        days.put(newYear.plusDays(1), "春节");
        days.put(newYear.plusDays(2), "春节");
        days.put(ChineseSky.solarTermDay(year, 15), "清明节");
        days.put(LocalDate.of(year, Month.MAY, 1), "劳动节");
        days.put(LocalDate.of(year, Month.MAY, 2), "劳动节");
        days.put(lunarMonthStart(year, 90).plusDays(4), "端午节");
        days.put(lunarMonthStart(year, 180).plusDays(14), "中秋节");
        for (int day = 1; day <= 3; day++) {
            days.putIfAbsent(LocalDate.of(year, Month.OCTOBER, day), "国庆节");
        }
        return Collections.unmodifiableNavigableMap(days);
    }

    /** Whether the day is a statutory holiday. */
    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /**
     * The first day of the lunar month that holds the solar term at this longitude (雨水 330: the first month;
     * 夏至 90: the fifth; 秋分 180: the eighth): the day of the last new moon on or before the term's day.
     */
    static LocalDate lunarMonthStart(int year, double termLongitude) {
        return ChineseSky.newMoonOnOrBefore(ChineseSky.solarTermDay(year, termLongitude));
    }
}
