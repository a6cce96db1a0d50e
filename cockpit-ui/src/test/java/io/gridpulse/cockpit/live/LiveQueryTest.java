package io.gridpulse.cockpit.live;

import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A live query against the real embedded ClickHouse: subscribers hear about new counts, and only about changes. */
@org.junit.jupiter.api.extension.ExtendWith(io.gridpulse.cockpit.TestCockpit.Shared.class)
class LiveQueryTest {
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        // chDB serves one data directory per process: every test in this module shares it
        warehouse = io.gridpulse.cockpit.TestCockpit.warehouse();
    }

    @Test
    void aSubscriberHearsNewCountsAndNothingWhileTheyStayTheSame() throws Exception {
        var feed = new LiveQuery<>("street-counts", warehouse.events()::countsByStreet, Duration.ofMillis(50));
        var heard = new LinkedBlockingQueue<List<AreaCount>>();
        var unsubscribe = feed.subscribe(heard::add);
        heard.poll(5, TimeUnit.SECONDS);   // whatever there was at first

        warehouse.events().insert(List.of(row("439901005"), row("439901005"), row("439901203")));
        var update = heard.poll(5, TimeUnit.SECONDS);
        assertThat(update).contains(new AreaCount("439901005", 2), new AreaCount("439901203", 1));

        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("no news while nothing changes").isNull();
        unsubscribe.run();
        warehouse.events().insert(List.of(row("439901005")));
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("nothing after unsubscribing").isNull();
    }

    private static EventRow row(String street) {
        return new EventRow(UUID.randomUUID().toString(), "demand.created", Instant.parse("2026-11-23T01:00:00Z"),
                Instant.parse("2026-11-23T01:00:01Z"), "t", street + "001001", street + "001", street, "439901", null, null, "{}");
    }
}
