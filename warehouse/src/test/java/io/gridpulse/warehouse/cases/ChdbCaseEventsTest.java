package io.gridpulse.warehouse.cases;

import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of a demand case is copied on insert into case_events, with its fields as columns; nothing else is. */
class ChdbCaseEventsTest {
    static final String GRID = "439901001001001";
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void demandStepsAndRatingsOfACaseAreCopiedWithTheirFieldsAsColumns() {
        var at = Instant.parse("2026-11-23T01:00:00Z");
        warehouse.insertEvents(List.of(
                row("ce-1", "demand.created", at, "{\"caseId\":\"case-ce\",\"demandType\":\"dispute_mediation\",\"demandClass\":\"complex_problem\"}"),
                row("ce-2", "demand.assigned", at.plusSeconds(60), "{\"caseId\":\"case-ce\",\"department\":\"civil_affairs\"}"),
                row("ce-3", "demand.escalated", at.plusSeconds(120), "{\"caseId\":\"case-ce\",\"toLevel\":\"street\"}"),
                row("ce-4", "feedback", at.plusSeconds(180), "{\"target\":{\"type\":\"case\",\"id\":\"case-ce\"},\"rating\":{\"stars\":5}}"),
                row("ce-5", "feedback", at.plusSeconds(180), "{\"target\":{\"type\":\"hall\",\"id\":\"hall-1\"}}"),
                row("ce-6", "telemetry", at.plusSeconds(180), "{\"deviceId\":\"w-1\"}")));
        var rows = warehouse.clickHouse().query("SELECT event_id, kind, case_id, demand_type, demand_class, department, to_level"
                + " FROM gridpulse.case_events WHERE event_id LIKE 'ce-%' ORDER BY event_id");
        assertThat(rows).extracting(r -> r.get("event_id") + " " + r.get("case_id") + " " + r.get("demand_type") + " "
                + r.get("demand_class") + " " + r.get("department") + " " + r.get("to_level")).containsExactly(
                "ce-1 case-ce dispute_mediation complex_problem  ",
                "ce-2 case-ce   civil_affairs ",
                "ce-3 case-ce    street",
                "ce-4 case-ce    ");
    }

    private static EventRow row(String id, String kind, Instant at, String payload) {
        return new EventRow(id, kind, at, at, "test", GRID, GRID.substring(0, 12), GRID.substring(0, 9), GRID.substring(0, 6),
                null, null, payload);
    }
}
