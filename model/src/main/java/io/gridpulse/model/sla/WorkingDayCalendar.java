package io.gridpulse.model.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The official mainland working-day calendar for the years it has loaded: a day is a working day
 * if the year's State Council notice makes it a make-up working day (调休上班), or if it is Monday
 * to Friday and not a holiday. It never guesses: any question about a year it has not loaded
 * throws {@link CalendarNotLoadedException}.
 */
public final class WorkingDayCalendar {

    /** The years whose State Council notice ships with the product, as {@code calendar/cn-YYYY.txt}. */
    private static final List<Integer> MAINLAND_YEARS = List.of(2025, 2026);

    // Never handed out or changed after construction, so a calendar is immutable.
    private final TreeMap<Integer, BitSet> workingDaysByYear;

    private WorkingDayCalendar(TreeMap<Integer, BitSet> workingDaysByYear) {
        this.workingDaysByYear = workingDaysByYear;
    }

    /** The mainland calendar as shipped: the State Council notices for 2025 and 2026. */
    public static WorkingDayCalendar mainland() {
        return Mainland.CALENDAR;
    }

    /**
     * Reads one year's calendar file (format in {@code io/gridpulse/model/sla/calendar/README.txt}).
     *
     * @param source the name used in error messages, e.g. the file name
     * @throws CalendarFormatException naming the line, for a bad date, an unknown kind, a date
     *         listed twice, a date outside the declared year or a weekday made a working day
     */
    public static WorkingDayCalendar load(Reader reader, String source) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        var year = CalendarFile.read(reader, source);
        var years = new TreeMap<Integer, BitSet>();
        years.put(year.year(), year.workingDays());
        return new WorkingDayCalendar(years);
    }

    /** Reads one year's calendar file in UTF-8; see {@link #load(Reader, String)}. */
    public static WorkingDayCalendar load(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        return load(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /** This calendar plus the years of {@code other}; a year in both is taken from {@code other}. */
    public WorkingDayCalendar with(WorkingDayCalendar other) {
        var years = new TreeMap<>(workingDaysByYear);
        years.putAll(other.workingDaysByYear);
        return new WorkingDayCalendar(years);
    }

    /** Whether the calendar has loaded the notice for this year. */
    public boolean covers(int year) {
        return workingDaysByYear.containsKey(year);
    }

    /** The loaded years, ascending. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(workingDaysByYear.navigableKeySet());
    }

    /**
     * Whether this day is a working day.
     *
     * @throws CalendarNotLoadedException if its year is not loaded
     */
    public boolean isWorkingDay(LocalDate date) {
        var days = workingDaysByYear.get(date.getYear());
        if (days == null) {
            throw new CalendarNotLoadedException(date.getYear(), years());
        }
        return days.get(date.getDayOfYear() - 1);
    }

    /**
     * Whether a day of a year without its State Council notice is a working day as far as the law alone tells:
     * Monday to Friday and not a statutory holiday ({@link StatutoryHolidays}). The notice may still add bridging days
     * off and weekend make-up working days, so a count on it is provisional.
     */
    public static boolean isProvisionalWorkingDay(LocalDate date) {
        var weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        return weekday && !StatutoryHolidays.isHoliday(date);
    }

    /**
     * The first working day strictly after {@code date}.
     *
     * @throws CalendarNotLoadedException if the search reaches a year that is not loaded
     */
    public LocalDate nextWorkingDay(LocalDate date) {
        var day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The {@code n}th working day strictly after {@code start}; {@code start} itself is never
     * counted (and need not be in a loaded year).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     * @throws CalendarNotLoadedException if the count reaches a year that is not loaded
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of working days must be at least 1, got " + n);
        }
        var day = start;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive};
     * 0 when they are the same day.
     *
     * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromExclusive}
     * @throws CalendarNotLoadedException if a day in between is in a year that is not loaded
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException("toInclusive " + toInclusive + " is before fromExclusive " + fromExclusive);
        }
        int count = 0;
        for (var day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + workingDaysByYear.keySet();
    }

    /** Loaded on first use, once: the shipped files are part of the product, so a bad one is a bug. */
    private static final class Mainland {

        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            var years = new TreeMap<Integer, BitSet>();
            for (int year : MAINLAND_YEARS) {
                var name = "calendar/cn-" + year + ".txt";
                try (var in = WorkingDayCalendar.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("shipped calendar " + name + " is missing from the classpath");
                    }
                    var loaded = CalendarFile.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
                    if (loaded.year() != year) {
                        throw new IllegalStateException("shipped calendar " + name + " declares year " + loaded.year());
                    }
                    years.put(year, loaded.workingDays());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read shipped calendar " + name, e);
                }
            }
            return new WorkingDayCalendar(years);
        }
    }
}
