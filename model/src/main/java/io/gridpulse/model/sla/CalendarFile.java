package io.gridpulse.model.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one year's calendar file (format in {@code calendar/README.txt}) into the set of its
 * working days.
 */
final class CalendarFile {

    private static final String YEAR_KEYWORD = "year";
    private static final String OFF = "off";
    private static final String WORK = "work";
    private static final String ENTRY_SHAPE = "expected \"yyyy-MM-dd off|work [label]\"";

    private CalendarFile() {
    }

    /** One parsed year: bit {@code dayOfYear - 1} is set for each working day. */
    record Year(int year, BitSet workingDays) {
    }

    /** Reads a year file; the first problem found is thrown. */
    static Year read(Reader reader, String source) throws IOException {
        var checked = check(reader, source);
        if (!checked.problems().isEmpty()) {
            throw checked.problems().getFirst();
        }
        var listed = new HashMap<LocalDate, Boolean>();
        checked.days().forEach(d -> listed.put(d.date(), d.working()));
        return new Year(checked.year(), workingDays(checked.year(), listed));
    }

    /** Reads a year file to the end, collecting every problem, each with its line (for an upload to list them all). */
    static CalendarCheck check(Reader reader, String source) throws IOException {
        var in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        var problems = new ArrayList<CalendarFormatException>();
        var days = new ArrayList<CalendarCheck.Day>();
        int year = 0;
        int yearLine = 0;
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        int number = 0;
        for (String line; (line = in.readLine()) != null; ) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            int comment = line.indexOf('#');
            var text = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                var fields = text.split("\\s+", 3);
                if (fields[0].equals(YEAR_KEYWORD)) {
                    if (yearLine > 0) {
                        throw new CalendarFormatException(source, number,
                                "the year is already declared on line " + yearLine + "; a file covers one year");
                    }
                    year = parseYear(fields, source, number);
                    yearLine = number;
                    continue;
                }
                var date = parseDate(fields[0], source, number);
                if (yearLine == 0) {
                    throw new CalendarFormatException(source, number, "expected \"year yyyy\" before the first date");
                }
                if (fields.length < 2) {
                    throw new CalendarFormatException(source, number, ENTRY_SHAPE + ", got \"" + text + "\"");
                }
                boolean working = switch (fields[1]) {
                    case OFF -> false;
                    case WORK -> true;
                    default -> throw new CalendarFormatException(source, number,
                            "unknown kind \"" + fields[1] + "\": expected off or work");
                };
                if (date.getYear() != year) {
                    throw new CalendarFormatException(source, number, date + " is outside the year " + year
                            + " declared on line " + yearLine);
                }
                var earlier = lineOfDate.putIfAbsent(date, number);
                if (earlier != null) {
                    throw new CalendarFormatException(source, number, date + " is listed twice (first on line " + earlier + ")");
                }
                if (working && !isWeekend(date)) {
                    throw new CalendarFormatException(source, number, "make-up working day " + date
                            + " is a " + date.getDayOfWeek() + "; only a Saturday or Sunday can be made a working day");
                }
                days.add(new CalendarCheck.Day(date, working, fields.length == 3 ? fields[2].strip() : ""));
            } catch (CalendarFormatException e) {
                problems.add(e);
            }
        }
        if (yearLine == 0) {
            problems.add(new CalendarFormatException(source, 0, "no \"year yyyy\" line; a calendar file must declare its year"));
        }
        return new CalendarCheck(year, days, problems);
    }

    private static int parseYear(String[] fields, String source, int number) {
        if (fields.length != 2 || !fields[1].matches("[0-9]{4}")) {
            throw new CalendarFormatException(source, number,
                    "expected \"year yyyy\" with a four-digit year, got \"" + String.join(" ", fields) + "\"");
        }
        return Integer.parseInt(fields[1]);
    }

    private static LocalDate parseDate(String field, String source, int number) {
        try {
            return LocalDate.parse(field);
        } catch (DateTimeParseException e) {
            var problem = new CalendarFormatException(source, number, "\"" + field + "\" is not a date: "
                    + ENTRY_SHAPE + " (or \"year yyyy\")");
            problem.initCause(e);
            throw problem;
        }
    }

    private static BitSet workingDays(int year, Map<LocalDate, Boolean> listedWorking) {
        var bits = new BitSet(366);
        for (var day = LocalDate.ofYearDay(year, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (listedWorking.getOrDefault(day, !isWeekend(day))) {
                bits.set(day.getDayOfYear() - 1);
            }
        }
        return bits;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
