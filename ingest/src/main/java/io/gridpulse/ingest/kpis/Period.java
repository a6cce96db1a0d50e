package io.gridpulse.ingest.kpis;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** A reporting period in local time: {@code [from, to)} as instants, with the name it was asked by. */
record Period(String name, Instant from, Instant to) {

    /**
     * day, week (from Monday), month, quarter, year: the current one; {@code 2026-11}: that month;
     * {@code 2026-11-23}: that day. Empty when the text is none of these.
     */
    static Optional<Period> parse(String text, Instant now, ZoneId zone) {
        var today = now.atZone(zone).toLocalDate();
        LocalDate start;
        LocalDate end;
        switch (text) {
            case "day" -> {
                start = today;
                end = today.plusDays(1);
            }
            case "week" -> {
                start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                end = start.plusWeeks(1);
            }
            case "month" -> {
                start = today.withDayOfMonth(1);
                end = start.plusMonths(1);
            }
            case "quarter" -> {
                start = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                end = start.plusMonths(3);
            }
            case "year" -> {
                start = today.withDayOfYear(1);
                end = start.plusYears(1);
            }
            default -> {
                try {
                    if (text.matches("\\d{4}-\\d{2}")) {
                        start = YearMonth.parse(text).atDay(1);
                        end = start.plusMonths(1);
                    } else if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        start = LocalDate.parse(text);
                        end = start.plusDays(1);
                    } else {
                        return Optional.empty();
                    }
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Period(text, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()));
    }
}
