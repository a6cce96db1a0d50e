package io.gridpulse.cockpit.live;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.counts.EventHourRow;
import io.gridpulse.warehouse.counts.EventHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HourRecountTest {
    static final String GRID = "439901003001001";

    @Test
    void anHourTheJobsUndercountedIsRaisedToItsDistinctEventsAtStart() throws Exception {
        var warehouse = TestCockpit.warehouse();
        // three events in the hour now is in, none after now, at any minute of the hour
        var hour = TestCockpit.now().truncatedTo(ChronoUnit.HOURS);
        var rows = List.of(row(hour), row(hour), row(hour.plusMillis(1)));
        warehouse.events().insert(rows);
        warehouse.events().insert(List.of(rows.getFirst()));   // a redelivered copy, not yet merged away
        var hours = new EventHours(warehouse);
        // what the stream jobs wrote after starting afresh: lower than the truth
        hours.insert(List.of(new EventHourRow(hour, "439901", "439901003", "439901003001", GRID, "test.recount", 1)));
        assertThat(hours.count(AreaCode.of(GRID), hour, "test.recount")).isEqualTo(1);

        try (var ignored = HourRecount.start(warehouse, TestCockpit.clock())) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (hours.count(AreaCode.of(GRID), hour, "test.recount") != 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(hours.count(AreaCode.of(GRID), hour, "test.recount")).isEqualTo(3);
    }

    private static EventRow row(Instant at) {
        return new EventRow(UUID.randomUUID().toString(), "test.recount", at, at, "test", GRID, GRID.substring(0, 12),
                GRID.substring(0, 9), GRID.substring(0, 6), null, null, "{}");
    }
}
