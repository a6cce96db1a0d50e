package io.gridpulse.warehouse.trend;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.counts.EventHours;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The week's trend of street 439901001 in Shanghai days, worked out by hand from the rows below. */
class ChdbDailyTrendTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID = "439901001001001";
    static final String OTHER = "439901002001001";
    private static Warehouse warehouse;

    @BeforeAll
    static void aWeekOfNovember() {
        warehouse = Warehouse.open(TestChdb.config());
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.events");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.alerts");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.event_hours");
        warehouse.events().insert(List.of(
                // 2026-11-17 23:30 in Shanghai is the 17th there, though the 17th 15:30 UTC
                event("visit", "2026-11-17T15:30:00Z", GRID),
                // 2026-11-17T16:30Z is the 18th 00:30 in Shanghai
                event("demand.created", "2026-11-17T16:30:00Z", GRID),
                event("demand.responded", "2026-11-18T02:00:00Z", GRID),
                event("demand.created", "2026-11-23T03:00:00Z", GRID),
                event("demand.created", "2026-11-23T03:00:00Z", OTHER),   // another street
                event("visit", "2026-11-10T03:00:00Z", GRID)));            // before the week
        // the hourly rollup the stream jobs keep, written here from the events as the migration does
        new EventHours(warehouse).recount(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        warehouse.alerts().insert(List.of(
                alert("b1", AlertStatus.OPEN, "2026-11-23T04:00:00Z", null),
                alert("b2", AlertStatus.CLEARED, "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z"),
                // withdrawn: cleared the instant it was raised
                alert("b3", AlertStatus.CLEARED, "2026-11-23T05:00:00Z", "2026-11-23T05:00:00Z")));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void everyDayOfTheWeekInLocalTimeWithZerosForQuietDays() {
        var week = new DailyTrend(warehouse).days(STREET, SHANGHAI, LocalDate.parse("2026-11-23"), 7);
        assertThat(week).extracting(DailyTrend.Day::date).containsExactly(
                LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-19"),
                LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"),
                LocalDate.parse("2026-11-23"));
        assertThat(week.getFirst()).isEqualTo(new DailyTrend.Day(LocalDate.parse("2026-11-17"), 1, 0, 0));
        assertThat(week.get(1)).isEqualTo(new DailyTrend.Day(LocalDate.parse("2026-11-18"), 2, 1, 0));
        assertThat(week.get(2)).isEqualTo(new DailyTrend.Day(LocalDate.parse("2026-11-19"), 0, 0, 0));
        assertThat(week.getLast()).isEqualTo(new DailyTrend.Day(LocalDate.parse("2026-11-23"), 1, 1, 2));
    }

    @Test
    void refusesAnEmptyOrUnboundedTrend() {
        var trend = new DailyTrend(warehouse);
        assertThatThrownBy(() -> trend.days(STREET, SHANGHAI, LocalDate.parse("2026-11-23"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trend.days(STREET, SHANGHAI, LocalDate.parse("2026-11-23"), DailyTrend.MAX_DAYS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventRow event(String kind, String at, String grid) {
        var t = Instant.parse(at);
        return new EventRow(UUID.randomUUID().toString(), kind, t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{}");
    }

    private static Alert alert(String id, AlertStatus status, String raised, String cleared) {
        var at = Instant.parse(raised);
        return new Alert(id, AlertKind.SLA_BREACH, Severity.MAJOR, status, "c-" + id, "resolve_now.first_response", 0,
                at, at, cleared == null ? null : Instant.parse(cleared), new AreaLineage(GRID, GRID.substring(0, 12),
                GRID.substring(0, 9), GRID.substring(0, 6)), "", 1);
    }
}
