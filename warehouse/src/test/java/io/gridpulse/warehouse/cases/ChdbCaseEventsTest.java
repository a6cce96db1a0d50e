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
        warehouse.events().insert(List.of(
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

    @Test
    void theGroupsOfTheResidentWhoRaisedACaseAreCopiedToo() {
        var at = Instant.parse("2026-11-23T02:00:00Z");
        warehouse.events().insert(List.of(
                new EventRow("ceg-1", "demand.created", at, at, "test", GRID, GRID.substring(0, 12), GRID.substring(0, 9),
                        GRID.substring(0, 6), null, null, "{\"caseId\":\"case-ceg\"}", List.of("elderly_alone", "disabled")),
                row("ceg-2", "demand.assigned", at.plusSeconds(60), "{\"caseId\":\"case-ceg\",\"department\":\"health\"}")));
        var rows = warehouse.clickHouse().query("SELECT event_id, toString(population_groups) AS groups"
                + " FROM gridpulse.case_events WHERE event_id LIKE 'ceg-%' ORDER BY event_id");
        assertThat(rows).extracting(r -> r.get("event_id") + " " + r.get("groups"))
                .containsExactly("ceg-1 ['disabled','elderly_alone']", "ceg-2 []");
    }

    @Test
    void theMigrationThatAddedTheGroupsRefillsTheCopyWithThemFromTheEvents() {
        var at = Instant.parse("2026-11-23T03:00:00Z");
        warehouse.events().insert(List.of(
                new EventRow("cem-1", "demand.created", at, at, "test", GRID, GRID.substring(0, 12), GRID.substring(0, 9),
                        GRID.substring(0, 6), null, null, "{\"caseId\":\"case-cem\"}", List.of("migrant")),
                row("cem-2", "telemetry", at, "{\"deviceId\":\"w-2\"}")));
        var clickHouse = warehouse.clickHouse();
        // the copy as V017 left it: every case event, without groups
        clickHouse.execute("TRUNCATE TABLE gridpulse.case_events");
        clickHouse.execute("INSERT INTO gridpulse.case_events (event_id, kind, occurred_at, ingested_at, case_id, county_code,"
                + " street_code, community_code, grid_code, payload) SELECT event_id, kind, occurred_at, ingested_at, case_id,"
                + " county_code, street_code, community_code, grid_code, payload FROM gridpulse.events WHERE case_id != ''");
        assertThat(groupsOf("cem-1")).isEqualTo("[]");

        var v019 = io.gridpulse.warehouse.migrations.Migrations.gridpulse().migrations().stream()
                .filter(m -> m.version() == 19).findFirst().orElseThrow();
        v019.statements().forEach(clickHouse::execute);

        assertThat(groupsOf("cem-1")).isEqualTo("['migrant']");
        // every event of a case once, and nothing else
        assertThat(clickHouse.query("SELECT count() AS n, uniqExact(event_id) AS u FROM gridpulse.case_events").getFirst())
                .isEqualTo(clickHouse.query("SELECT count() AS n, uniqExact(event_id) AS u FROM gridpulse.events WHERE case_id != ''")
                        .getFirst());
        assertThat(clickHouse.query("SELECT count() AS n FROM gridpulse.case_events WHERE event_id = 'cem-2'").getFirst().get("n"))
                .isEqualTo(0L);
    }

    private static String groupsOf(String eventId) {
        return warehouse.clickHouse().query("SELECT toString(population_groups) AS g FROM gridpulse.case_events WHERE event_id = '"
                + eventId + "'").getFirst().get("g").toString();
    }

    private static EventRow row(String id, String kind, Instant at, String payload) {
        return new EventRow(id, kind, at, at, "test", GRID, GRID.substring(0, 12), GRID.substring(0, 9), GRID.substring(0, 6),
                null, null, payload);
    }
}
