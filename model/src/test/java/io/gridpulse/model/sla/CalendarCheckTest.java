package io.gridpulse.model.sla;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A year file checked before it is put in force: every problem with its line, and warnings against the law. */
class CalendarCheckTest {

    @Test
    void everyProblemOfAFileIsListedWithItsLineNotOnlyTheFirst() {
        var checked = CalendarCheck.of("""
                year 2027
                2027-01-01 off 元旦
                2027-01-01 off 元旦 again
                2027-01-04 work 周一调休
                2026-12-31 off 去年
                2027-02-30 off 无此日
                2027-05-01 rest 劳动节
                2027-05-02
                year 2028
                """, "cn-2027.txt");
        assertThat(checked.ok()).isFalse();
        assertThat(checked.problems()).extracting(CalendarFormatException::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(checked.problems()).extracting(CalendarFormatException::problem).satisfiesExactly(
                p -> assertThat(p).contains("2027-01-01 is listed twice (first on line 2)"),
                p -> assertThat(p).contains("make-up working day 2027-01-04 is a MONDAY"),
                p -> assertThat(p).contains("2026-12-31 is outside the year 2027"),
                p -> assertThat(p).contains("\"2027-02-30\" is not a date"),
                p -> assertThat(p).contains("unknown kind \"rest\""),
                p -> assertThat(p).contains("expected \"yyyy-MM-dd off|work [label]\""),
                p -> assertThat(p).contains("the year is already declared on line 1"));
        assertThat(checked.days()).extracting(CalendarCheck.Day::date).containsExactly(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aFileWithoutItsYearIsRefusedAsAWhole() {
        var checked = CalendarCheck.of("# nothing but a comment\n", "empty.txt");
        assertThat(checked.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.problem()).contains("no \"year yyyy\" line");
        });
    }

    @Test
    void theTemplateOfAYearListsItsStatutoryHolidaysAndAFileMissingOneIsWarnedAbout() {
        var template = new StringBuilder("year 2027\n");
        StatutoryHolidays.of(2027).forEach((date, name) -> template.append(date).append(" off ").append(name).append('\n'));
        var full = CalendarCheck.of(template.toString(), "cn-2027.txt");
        assertThat(full.ok()).isTrue();
        assertThat(full.warnings()).isEmpty();
        assertThat(full.daysOff()).isEqualTo(StatutoryHolidays.of(2027).size());

        var springFestival = StatutoryHolidays.of(2027).entrySet().stream().filter(e -> e.getValue().equals("春节"))
                .filter(e -> e.getKey().getDayOfWeek().getValue() <= 5).findFirst().orElseThrow().getKey();
        var missing = CalendarCheck.of(template.toString().replace(springFestival + " off 春节\n", ""), "cn-2027.txt");
        assertThat(missing.ok()).isTrue();
        assertThat(missing.warnings()).singleElement().asString().startsWith(springFestival + " (春节)");
    }

    @Test
    void theLoaderStillRefusesAFileWithItsFirstProblem() {
        var file = "year 2027\n2027-01-04 work x\n2027-01-01 off\n2027-01-01 off\n";
        try {
            WorkingDayCalendar.load(new java.io.StringReader(file), "cn-2027.txt");
            throw new AssertionError("loaded a file with problems");
        } catch (CalendarFormatException | java.io.IOException e) {
            assertThat(e.getMessage()).isEqualTo("cn-2027.txt line 2: make-up working day 2027-01-04 is a MONDAY;"
                    + " only a Saturday or Sunday can be made a working day");
        }
    }
}
