package io.gridpulse.model.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarDirectoryTest {
    @TempDir
    Path folder;

    @Test
    void theShippedYearsStandUntilAYearFileAppearsAndItIsReadWithoutARestart() throws Exception {
        var said = new ArrayList<String>();
        var calendars = CalendarDirectory.of(folder.resolve("calendars"), said::add, Duration.ZERO);
        assertThat(calendars.calendar().years()).containsExactly(2025, 2026);

        Files.createDirectories(folder.resolve("calendars"));
        Files.writeString(folder.resolve("calendars/cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n2027-01-04 off 元旦\n");
        assertThat(calendars.calendar().years()).containsExactly(2025, 2026, 2027);
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(calendars.problems()).isEmpty();
        assertThat(said).anyMatch(line -> line.contains("[2027]"));
    }

    @Test
    void aFileThatDoesNotReadIsLeftOutWholeNamingItsLineAndTheOthersStay() throws Exception {
        Files.writeString(folder.resolve("cn-2027.txt"), "year 2027\n2027-01-01 off 元旦\n");
        Files.writeString(folder.resolve("cn-2028.txt"), "year 2028\n2028-01-01 off 元旦\n2028-01-01 off 元旦\n");
        var calendars = CalendarDirectory.of(folder, line -> { }, Duration.ZERO);
        assertThat(calendars.calendar().years()).containsExactly(2025, 2026, 2027);
        assertThat(calendars.problems()).singleElement().asString().contains("cn-2028.txt").contains("line 3");
    }

    @Test
    void aFolderYearReplacesTheShippedOne() throws Exception {
        Files.writeString(folder.resolve("cn-2026-corrected.txt"), "year 2026\n2026-12-31 off 测试\n");
        var calendars = CalendarDirectory.of(folder, line -> { }, Duration.ZERO);
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        // the shipped notice's days are gone with it: the folder's file is the year
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    }
}
