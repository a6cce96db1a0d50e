package io.gridpulse.model.sla;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A year file checked before it is put in force (the administrators' calendar page): every problem with its line, the
 * days it lists, and what looks wrong against the statutory holidays the law fixes for the year (a warning, not a
 * refusal: the State Council's notice is the authority).
 *
 * @param year     the year declared, 0 when none is
 * @param days     the days listed, in file order
 * @param problems every line that cannot be read, and a missing year; empty when the file can be used
 */
public record CalendarCheck(int year, List<Day> days, List<CalendarFormatException> problems) {
    /** One listed day: off (a holiday) or a make-up working day, with the label the file gives it. */
    public record Day(LocalDate date, boolean working, String label) {
    }

    public CalendarCheck {
        days = List.copyOf(days);
        problems = List.copyOf(problems);
    }

    /** Checks the text of a year file. */
    public static CalendarCheck of(String text, String source) {
        try {
            return CalendarFile.check(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * The statutory holidays of the year (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆: fixed dates and those computed from
     * the Chinese calendar) that fall on a weekday the file leaves a working day: most likely a line missing from it.
     */
    public List<String> warnings() {
        if (year < StatutoryHolidays.FIRST_YEAR || year > StatutoryHolidays.LAST_YEAR || !ok()) {
            return List.of();
        }
        Map<LocalDate, Boolean> listed = days.stream().collect(Collectors.toMap(Day::date, Day::working));
        var out = new ArrayList<String>();
        StatutoryHolidays.of(year).forEach((date, name) -> {
            var weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (listed.getOrDefault(date, weekday)) {
                out.add(date + " (" + name + ") is a statutory holiday but the file leaves it a working day");
            }
        });
        return out;
    }

    /** The days off the file lists. */
    public long daysOff() {
        return days.stream().filter(d -> !d.working()).count();
    }

    /** The make-up working days (调休上班) the file lists. */
    public long makeUpDays() {
        return days.stream().filter(Day::working).count();
    }
}
