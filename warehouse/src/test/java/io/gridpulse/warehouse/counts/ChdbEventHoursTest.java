package io.gridpulse.warehouse.counts;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hourly rollup of events per area and kind, over embedded ClickHouse (chDB). */
class ChdbEventHoursTest {
    static final AreaCode CITY = AreaCode.of("439901");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID_A = "439901001001001";
    static final String GRID_B = "439901001002001";
    static final String OTHER_STREET = "439901002001001";
    static final Instant NINE = Instant.parse("2026-11-23T01:00:00Z");   // 09:00 in Shanghai
    private static Warehouse warehouse;
    private static EventHours hours;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
        hours = new EventHours(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @BeforeEach
    void empty() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.event_hours");
    }

    @Test
    void anHourWrittenAgainKeepsItsHighestCountSoAReplayDoublesNothing() {
        hours.insert(List.of(row(NINE, GRID_A, "visit", 3)));
        hours.insert(List.of(row(NINE, GRID_A, "visit", 5)));
        // a replay from a checkpoint rewrites lower and equal counts before the same final one
        hours.insert(List.of(row(NINE, GRID_A, "visit", 4), row(NINE, GRID_A, "visit", 5)));
        assertThat(hours.count(STREET, NINE, null)).isEqualTo(5);
        assertThat(hours.count(STREET, NINE, "visit")).isEqualTo(5);
        assertThat(hours.count(STREET, NINE, "demand.created")).isZero();
    }

    @Test
    void countsAddUpOverHoursAreasAndKindsFromTheHourHoldingTheStart() {
        hours.insert(List.of(
                row(NINE.minusSeconds(3600), GRID_A, "visit", 100),           // 08:00, before the period
                row(NINE, GRID_A, "visit", 2),
                row(NINE, GRID_A, "demand.created", 1),
                row(NINE.plusSeconds(3600), GRID_B, "visit", 7),
                row(NINE, OTHER_STREET, "visit", 40)));
        // 09:20 counts from 09:00: whole hours
        var twentyPast = NINE.plusSeconds(20 * 60);
        assertThat(hours.count(STREET, twentyPast, null)).isEqualTo(10);
        assertThat(hours.count(CITY, twentyPast, null)).isEqualTo(50);
        assertThat(hours.count(CITY, NINE.minusSeconds(3600), "visit")).isEqualTo(149);
        assertThat(hours.countsByChild(CITY, NINE)).containsExactly(
                new AreaCount("439901002", 40), new AreaCount("439901001", 10));
        assertThat(hours.countsByChild(STREET, NINE)).containsExactly(
                new AreaCount("439901001002", 7), new AreaCount("439901001001", 3));
    }

    @Test
    void theHandlingOfCasesIsCountedPerChildWithoutTheReports() {
        hours.insert(List.of(
                row(NINE, GRID_A, "telemetry", 900),
                row(NINE, GRID_A, "demand.responded", 2),
                row(NINE, OTHER_STREET, "demand.closed", 3),
                row(NINE, OTHER_STREET, "demand.resolved", 1),
                row(NINE, OTHER_STREET, "telemetry", 5_000)));
        assertThat(hours.countsByChild(CITY, NINE, List.of("demand.responded", "demand.resolved", "demand.closed")))
                .containsExactly(new AreaCount("439901002", 4), new AreaCount("439901001", 2));
    }

    @Test
    void daysAreLocalDays() {
        var shanghai = ZoneId.of("Asia/Shanghai");
        hours.insert(List.of(
                row(Instant.parse("2026-11-22T15:00:00Z"), GRID_A, "visit", 1),           // 23:00 on the 22nd there
                row(Instant.parse("2026-11-22T16:00:00Z"), GRID_A, "demand.created", 2),  // 00:00 on the 23rd
                row(Instant.parse("2026-11-23T15:00:00Z"), GRID_A, "visit", 4)));         // 23:00 on the 23rd
        var days = hours.perDay(STREET, shanghai, LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23"));
        assertThat(days.get(LocalDate.parse("2026-11-22"))).containsExactly(1, 0);
        assertThat(days.get(LocalDate.parse("2026-11-23"))).containsExactly(6, 2);
    }

    @Test
    void aRecountFromTheEventsGivesDistinctEventsAndMayRunAgain() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.events");
        var first = event("e1", "visit", NINE.plusSeconds(60), GRID_A);
        warehouse.events().insert(List.of(first, event("e2", "visit", NINE.plusSeconds(120), GRID_A),
                event("e3", "demand.created", NINE.plusSeconds(3700), GRID_B),
                event("e4", "visit", NINE.minusSeconds(7200), GRID_A)));   // before the recount
        warehouse.events().insert(List.of(first));                             // redelivered: a second row until the merge
        // the stream jobs had counted one of the two visits before a restart forgot it
        hours.insert(List.of(row(NINE, GRID_A, "visit", 1)));

        hours.recount(NINE.plusSeconds(30), NINE.plusSeconds(7200));
        hours.recount(NINE, NINE.plusSeconds(7200));

        assertThat(hours.count(STREET, NINE, "visit")).isEqualTo(2);
        assertThat(hours.count(STREET, NINE, null)).isEqualTo(3);
        assertThat(hours.count(STREET, NINE.minusSeconds(7200), null)).as("the hour before the recount stays unwritten").isEqualTo(3);
    }

    @Test
    void anHourRowMustStartOnTheHourAndCountSomething() {
        assertThatThrownBy(() -> row(NINE.plusSeconds(60), GRID_A, "visit", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row(NINE, GRID_A, "visit", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EventHourRow row(Instant hour, String grid, String kind, long events) {
        return new EventHourRow(hour, grid.substring(0, 6), grid.substring(0, 9), grid.substring(0, 12), grid, kind, events);
    }

    private static EventRow event(String id, String kind, Instant at, String grid) {
        return new EventRow(id, kind, at, at, "test", grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6),
                null, null, "{}");
    }
}
