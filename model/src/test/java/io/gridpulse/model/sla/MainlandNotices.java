package io.gridpulse.model.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The State Council notices for 2025 and 2026 typed in again from the brief, independently of the
 * shipped files, so the tests check the files rather than themselves.
 */
final class MainlandNotices {

    static final List<LocalDate> OFF_2025 = days(
            range("2025-01-01", "2025-01-01"),
            range("2025-01-28", "2025-02-04"),
            range("2025-04-04", "2025-04-06"),
            range("2025-05-01", "2025-05-05"),
            range("2025-05-31", "2025-06-02"),
            range("2025-10-01", "2025-10-08"));

    static final List<LocalDate> WORK_2025 = List.of(
            LocalDate.parse("2025-01-26"), LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-27"),
            LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"));

    static final List<LocalDate> OFF_2026 = days(
            range("2026-01-01", "2026-01-03"),
            range("2026-02-15", "2026-02-23"),
            range("2026-04-04", "2026-04-06"),
            range("2026-05-01", "2026-05-05"),
            range("2026-06-19", "2026-06-21"),
            range("2026-09-25", "2026-09-27"),
            range("2026-10-01", "2026-10-07"));

    static final List<LocalDate> WORK_2026 = List.of(
            LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));

    static final LocalDate FIRST = LocalDate.parse("2025-01-01");
    static final LocalDate LAST = LocalDate.parse("2026-12-31");

    private MainlandNotices() {
    }

    /** What the notices say, computed the naive way: listed work, or a weekday not listed off. */
    static boolean expectedWorking(LocalDate day) {
        Set<LocalDate> off = new TreeSet<>(OFF_2025);
        off.addAll(OFF_2026);
        if (WORK_2025.contains(day) || WORK_2026.contains(day)) {
            return true;
        }
        var weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        return weekday && !off.contains(day);
    }

    /** Every day of 2025 and 2026. */
    static List<LocalDate> everyDay() {
        return FIRST.datesUntil(LAST.plusDays(1)).toList();
    }

    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }

    @SafeVarargs
    private static List<LocalDate> days(List<LocalDate>... ranges) {
        var all = new ArrayList<LocalDate>();
        for (var range : ranges) {
            all.addAll(range);
        }
        return List.copyOf(all);
    }
}
