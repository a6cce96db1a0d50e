package io.gridpulse.model.sla;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarLoadingTest {

    private static WorkingDayCalendar load(String text) throws IOException {
        return WorkingDayCalendar.load(new StringReader(text), "test.txt");
    }

    private static WorkingDayCalendar synthetic2028() throws IOException {
        try (InputStream in = WorkingDayCalendarLoadingTest.class.getResourceAsStream("cn-2028-synthetic.txt")) {
            return WorkingDayCalendar.load(in, "cn-2028-synthetic.txt");
        }
    }

    @Test
    void aFileWithCommentsBlankLinesAndLabelsIsRead() throws IOException {
        var calendar = load("""
                # a comment
                year 2030

                2030-01-01 off 元旦   # trailing comment
                2030-01-05   work\tlabel with  spaces
                2030-01-07 off
                """);
        assertThat(calendar.years()).containsExactly(2030);
        assertThat(calendar.isWorkingDay(parse("2030-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2030-01-05"))).isTrue();
        assertThat(calendar.isWorkingDay(parse("2030-01-06"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2030-01-07"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2030-01-08"))).isTrue();
    }

    @Test
    void aYearWithNoEntriesIsPlainWeekdays() throws IOException {
        var calendar = load("year 2030\n");
        assertThat(calendar.workingDaysBetween(parse("2029-12-31"), parse("2030-12-31"))).isEqualTo(261);
    }

    @Test
    void aUtf8StreamWithAByteOrderMarkAndWindowsLineEndsIsRead() throws IOException {
        var bytes = "\uFEFFyear 2030\r\n2030-01-01 off 元旦\r\n2030-01-05 work 元旦调休上班\r\n"
                .getBytes(StandardCharsets.UTF_8);
        var calendar = WorkingDayCalendar.load(new ByteArrayInputStream(bytes), "bom.txt");
        assertThat(calendar.isWorkingDay(parse("2030-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2030-01-05"))).isTrue();
    }

    @Test
    void aSyntheticLeapYearKnowsItsLeapDay() throws IOException {
        var calendar = synthetic2028();
        assertThat(parse("2028-02-29").getDayOfWeek()).hasToString("TUESDAY");
        assertThat(calendar.isWorkingDay(parse("2028-02-28"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2028-02-29"))).isTrue();
        assertThat(calendar.isWorkingDay(parse("2028-03-01"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2028-03-04"))).isTrue();
        assertThat(calendar.plusWorkingDays(parse("2028-02-25"), 1)).isEqualTo(parse("2028-02-29"));
        assertThat(calendar.plusWorkingDays(parse("2028-02-29"), 1)).isEqualTo(parse("2028-03-02"));
        assertThat(calendar.plusWorkingDays(parse("2028-02-29"), 3)).isEqualTo(parse("2028-03-04"));
        assertThat(calendar.workingDaysBetween(parse("2028-02-25"), parse("2028-03-05"))).isEqualTo(4);
        // day 366 is stored like any other: Friday Dec 29 on, Sunday Dec 31 off
        assertThat(calendar.isWorkingDay(parse("2028-12-29"))).isTrue();
        assertThat(calendar.isWorkingDay(parse("2028-12-31"))).isFalse();
        // 260 weekdays in 2028, minus Feb 28 and Mar 1, plus Mar 4
        assertThat(calendar.workingDaysBetween(parse("2027-12-31"), parse("2028-12-31"))).isEqualTo(259);
    }

    @Test
    void anAdministratorAddsAYearToTheMainlandCalendar() throws IOException {
        var calendar = WorkingDayCalendar.mainland().with(synthetic2028());
        assertThat(calendar.years()).containsExactly(2025, 2026, 2028);
        assertThat(calendar.isWorkingDay(parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(parse("2028-02-28"))).isFalse();
        assertThatThrownBy(() -> calendar.plusWorkingDays(parse("2026-12-31"), 1))
                .isInstanceOfSatisfying(CalendarNotLoadedException.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThat(WorkingDayCalendar.mainland().years()).as("the shipped calendar is unchanged")
                .containsExactly(2025, 2026);
    }

    @Test
    void aReloadedYearReplacesTheEarlierOne() throws IOException {
        var corrected = load("year 2026\n2026-03-02 off 更正\n");
        var calendar = WorkingDayCalendar.mainland().with(corrected);
        assertThat(calendar.isWorkingDay(parse("2026-03-02"))).isFalse();
        assertThat(calendar.isWorkingDay(parse("2026-10-01"))).as("the whole year is replaced").isTrue();
        assertThat(calendar.isWorkingDay(parse("2025-10-01"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad date                | year 2026\\n2026-02-30 off        | 2 | "2026-02-30" is not a date
            not a date at all       | year 2026\\n1st-of-May off       | 2 | "1st-of-May" is not a date
            unpadded date           | year 2026\\n2026-5-1 off         | 2 | "2026-5-1" is not a date
            unknown kind            | year 2026\\n2026-05-01 holiday   | 2 | unknown kind "holiday": expected off or work
            kind in capitals        | year 2026\\n2026-05-01 OFF       | 2 | unknown kind "OFF"
            missing kind            | year 2026\\n\\n2026-05-01        | 3 | got "2026-05-01"
            duplicate date          | year 2026\\n2026-05-01 off\\n# c\\n2026-05-01 work | 4 | 2026-05-01 is listed twice (first on line 2)
            date after the year     | year 2026\\n2027-01-01 off       | 2 | 2027-01-01 is outside the year 2026 declared on line 1
            date before the year    | # notice\\nyear 2026\\n2025-12-31 off | 3 | 2025-12-31 is outside the year 2026 declared on line 2
            weekday made working    | year 2026\\n2026-03-02 work      | 2 | make-up working day 2026-03-02 is a MONDAY
            date before year line   | 2026-01-01 off\\nyear 2026       | 1 | expected "year yyyy" before the first date
            second year line        | year 2026\\nyear 2027            | 2 | the year is already declared on line 1
            year not a number       | year twenty                      | 1 | expected "year yyyy" with a four-digit year, got "year twenty"
            year without a value    | year                             | 1 | expected "year yyyy"
            """)
    void aBadLineIsReportedWithTheFileNameAndItsLineNumber(String what, String text, int line, String problem) {
        assertThatThrownBy(() -> load(text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(CalendarFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.txt");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).contains(problem);
                })
                .hasMessageStartingWith("test.txt line " + line + ": ");
    }

    @Test
    void aFileWithoutAYearLineIsRejectedAsAWhole() {
        assertThatThrownBy(() -> load("# only a comment\n\n"))
                .isInstanceOfSatisfying(CalendarFormatException.class, e -> assertThat(e.line()).isZero())
                .hasMessage("test.txt: no \"year yyyy\" line; a calendar file must declare its year");
        assertThatThrownBy(() -> load("")).isInstanceOf(CalendarFormatException.class);
    }

    @Test
    void aCalendarFormatErrorIsAnIllegalArgumentAndKeepsTheParserCause() {
        assertThatThrownBy(() -> load("year 2026\n2026-13-01 off\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void theShippedFilesMatchTheirYears() throws IOException {
        for (int year : new int[] {2025, 2026}) {
            var name = "/io/gridpulse/model/sla/calendar/cn-" + year + ".txt";
            try (var in = WorkingDayCalendar.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                assertThat(WorkingDayCalendar.load(in, name).years()).containsExactly(year);
            }
        }
    }
}
