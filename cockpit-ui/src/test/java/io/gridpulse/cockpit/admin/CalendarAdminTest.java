package io.gridpulse.cockpit.admin;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.sla.SlaPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendar page's service over the test cockpit's calendar folder. Only years far from any run's clock are loaded
 * (2031, 2032), so that no other test's deadlines change.
 */
@ExtendWith(TestCockpit.Shared.class)
class CalendarAdminTest {
    private static final CockpitUser CITY = new CockpitUser("cal-admin", Role.ADMINISTRATOR, AreaCode.of("439901"), null);

    private static CalendarAdmin admin() {
        return new CalendarAdmin(TestCockpit.installedContext(), CITY);
    }

    @Test
    void onlyAnAdministratorOfTheWholeRegionKeepsTheCalendar() {
        assertThatThrownBy(() -> new CalendarAdmin(TestCockpit.installedContext(),
                new CockpitUser("cal-street", Role.ADMINISTRATOR, AreaCode.of("439901001"), null))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> new CalendarAdmin(TestCockpit.installedContext(),
                new CockpitUser("cal-leader", Role.LEADER, AreaCode.of("439901"), null))).isInstanceOf(AccessDenied.class);
        assertThat(admin().years()).extracting(CalendarAdmin.Year::year).contains(2025, 2026);
        assertThat(admin().years()).filteredOn(y -> y.year() == 2026).singleElement()
                .satisfies(y -> assertThat(y.file()).as("shipped").isNull());
    }

    @Test
    void aCheckedYearIsPutInForceWithinSecondsAuditedAndTheYearItReplacesKept() throws Exception {
        var admin = admin();
        var first = CalendarAdmin.template(2031);
        assertThat(admin.check(first).ok()).isTrue();
        var file = admin.apply(first);
        assertThat(file.getFileName().toString()).isEqualTo("cn-2031.txt");
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(TestCockpit.installedContext().audit().latest(1)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.target()).startsWith("calendar_loaded year 2031: ").contains("cn-2031.txt"));
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!TestCockpit.installedContext().calendars().calendar().covers(2031) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(admin.years()).filteredOn(y -> y.year() == 2031).singleElement()
                .satisfies(y -> assertThat(y.file()).isEqualTo(file));

        admin.apply(first + "2031-03-04 off 测试\n");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("cn-2031.txt.") && n.endsWith(".bak"));
        }
    }

    @Test
    void aFileWithProblemsIsNotWrittenAndTheLimitOnSizeHolds() {
        var admin = admin();
        assertThatThrownBy(() -> admin.apply("year 2032\n2032-01-05 work 周一\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("make-up working day 2032-01-05");
        assertThat(TestCockpit.installedContext().calendars().folder().resolve("cn-2032.txt")).doesNotExist();
        assertThat(admin.check("year 2032\n" + "# padding\n".repeat(8_000)).problems()).singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("larger than 64 KiB"));
    }

    @Test
    void thePreviewShowsTheDeadlineNowAndWithTheFileInForce() {
        var policy = SlaPolicies.defaults().all().stream().filter(p -> p.id().equals("complex_problem.closed_loop")).findFirst().orElseThrow();
        // a Monday of 2032, a year no file covers: a day off the file adds moves a 7-working-day deadline by one day
        var monday = LocalDate.of(2032, 3, 1);
        assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        var from = ZonedDateTime.of(monday.atTime(10, 0), TestCockpit.ZONE).toInstant();
        var schedules = admin().preview("year 2032\n2032-03-02 off 测试假日\n", policy, from);
        assertThat(schedules[0].provisional()).isTrue();
        assertThat(schedules[1].provisional()).isFalse();
        assertThat(Duration.between(schedules[0].deadline(), schedules[1].deadline())).isEqualTo(Duration.ofDays(1));
    }
}
