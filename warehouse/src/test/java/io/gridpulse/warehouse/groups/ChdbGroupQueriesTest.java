package io.gridpulse.warehouse.groups;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.AreaCount;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseFilter;
import io.gridpulse.warehouse.cases.CaseQueries;
import io.gridpulse.warehouse.cases.CaseRow;
import io.gridpulse.warehouse.heat.CellHeat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The population groups column of the events table and the figures by group, over a few hand-made demands in
 * street 439901001 of the embedded warehouse (two communities, 439901001001 and 439901001002).
 */
class ChdbGroupQueriesTest {
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");
    static final AreaCode STREET = AreaCode.of("439901001");
    static final String GRID_A = "439901001001001";
    static final String GRID_B = "439901001002001";
    /** H3's own example: the cell of resolution 9 at 37.7752702151959 N, 122.418307270836 W. */
    static final long H3_EXAMPLE_CELL = 0x8928308280fffffL;
    static final double EXAMPLE_LON = -122.418307270836;
    static final double EXAMPLE_LAT = 37.7752702151959;
    private static Warehouse warehouse;

    @BeforeAll
    static void demandsOfAWeek() {
        warehouse = Warehouse.open(TestChdb.config());
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.events");
        // the case list reads the copy of the demand steps, which other classes' cases of the street also filled
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.case_events");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.alerts");
        warehouse.events().insert(List.of(
                // g1, g2: an elderly resident living alone in community 1; g2 also disabled
                created("g1", "2026-11-02T02:00:00Z", GRID_A, List.of("elderly_alone")),
                created("g2", "2026-11-03T02:00:00Z", GRID_A, List.of("elderly_alone", "disabled")),
                // g3: elderly alone in community 2; g4: a left-behind child's household there
                created("g3", "2026-11-04T02:00:00Z", GRID_B, List.of("elderly_alone")),
                created("g4", "2026-11-04T03:00:00Z", GRID_B, List.of("left_behind_child")),
                // g5: nobody's group (written the old way, without the column); g6: before the week
                new EventRow("e-g5", "demand.created", Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"),
                        "test", GRID_A, GRID_A.substring(0, 12), GRID_A.substring(0, 9), GRID_A.substring(0, 6), null, null,
                        "{\"caseId\":\"g5\",\"demandType\":\"employment\"}"),
                created("g6", "2026-10-31T23:00:00Z", GRID_A, List.of("elderly_alone")),
                // a later step of g1 carries no groups: the case keeps those of its raising
                step("g1", "2026-11-02T05:00:00Z", GRID_A)));
        // a replay writes the same row again; it counts once
        warehouse.events().insert(List.of(created("g3", "2026-11-04T02:00:00Z", GRID_B, List.of("elderly_alone"))));
        // open breaches: g1's and g3's (elderly alone), g4's (left-behind child), g5's (no group); g2's withdrawn
        warehouse.alerts().insert(List.of(
                breach("sla:g1:resp", "g1", GRID_A, AlertStatus.OPEN, null),
                breach("sla:g3:resp", "g3", GRID_B, AlertStatus.OPEN, null),
                breach("sla:g4:resp", "g4", GRID_B, AlertStatus.OPEN, null),
                breach("sla:g5:resp", "g5", GRID_A, AlertStatus.OPEN, null),
                breach("sla:g2:resp", "g2", GRID_A, AlertStatus.CLEARED, "2026-11-06T00:00:00Z")));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void theGroupsAreStoredSortedAndARowWithoutThemReadsEmpty() {
        var rows = warehouse.clickHouse().query("SELECT event_id, arrayStringConcat(population_groups, ',') AS g"
                + " FROM gridpulse.events FINAL WHERE event_id IN ('e-g2', 'e-g5') ORDER BY event_id");
        assertThat(rows).extracting(r -> r.get("event_id") + "=" + r.get("g")).containsExactly("e-g2=disabled,elderly_alone", "e-g5=");
    }

    @Test
    void aRowWrittenBeforeTheColumnExistedReadsWithNoGroups() {
        // what V015 does for the rows of older parts: the column's default
        warehouse.clickHouse().execute("CREATE TABLE IF NOT EXISTS gridpulse.groups_probe (id String) ENGINE = MergeTree ORDER BY id");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.groups_probe");
        warehouse.clickHouse().execute("INSERT INTO gridpulse.groups_probe VALUES ('old')");
        warehouse.clickHouse().execute("ALTER TABLE gridpulse.groups_probe ADD COLUMN IF NOT EXISTS population_groups"
                + " Array(LowCardinality(String)) DEFAULT []");
        var rows = warehouse.clickHouse().query("SELECT length(population_groups) AS n FROM gridpulse.groups_probe");
        warehouse.clickHouse().execute("DROP TABLE gridpulse.groups_probe");
        assertThat(rows).extracting(r -> ((Number) r.get("n")).longValue()).containsExactly(0L);
    }

    @Test
    void demandsOfOneGroupAreCountedPerCommunityOfTheStreet() {
        assertThat(queries().demandsByChild(STREET, FROM, TO, "elderly_alone"))
                .containsExactly(new AreaCount("439901001001", 2), new AreaCount("439901001002", 1));
        assertThat(queries().demandsByChild(STREET, FROM, TO, "left_behind_child"))
                .containsExactly(new AreaCount("439901001002", 1));
        assertThat(queries().demandsByChild(AreaCode.of("439901001001"), FROM, TO, "disabled"))
                .containsExactly(new AreaCount(GRID_A, 1));
        assertThat(queries().demandsByChild(STREET, FROM, TO, "migrant")).isEmpty();
    }

    @Test
    void demandsOfOneGroupAreCountedPerH3CellOfTheirPoint() {
        // g1 and g2 at H3's example point, g3 elsewhere; g4 is not elderly; events without a point count in no cell
        var cells = queries().demandCells(STREET, FROM, TO, "elderly_alone", 9, 10);
        assertThat(cells).hasSize(2);
        assertThat(cells.getFirst()).isEqualTo(new CellHeat(H3_EXAMPLE_CELL, 2));
        assertThat(cells.get(1).events()).isEqualTo(1);
        assertThat(queries().demandCells(STREET, FROM, TO, "elderly_alone", 9, 1)).hasSize(1);
        assertThat(queries().demandCells(STREET, FROM, TO, "elderly_alone", 5, 10)).hasSize(1).first()
                .extracting(CellHeat::events).isEqualTo(3L);
        assertThatThrownBy(() -> queries().demandCells(STREET, FROM, TO, "elderly_alone", 10, 10)).hasMessageContaining("0 to 9");
    }

    @Test
    void openBreachesOfCasesOfOneGroupAreCountedPerCommunity() {
        assertThat(queries().openBreachesByChild(STREET, "elderly_alone"))
                .containsExactly(new AreaCount("439901001001", 1), new AreaCount("439901001002", 1));
        assertThat(queries().openBreachesByChild(STREET, "left_behind_child")).containsExactly(new AreaCount("439901001002", 1));
        assertThat(queries().openBreachesByChild(STREET, "disabled")).isEmpty(); // g2's breach was withdrawn
    }

    @Test
    void theDemandsOfAnAreaSplitAcrossTheGroupsMostFirst() {
        assertThat(queries().demandsByGroup(STREET, FROM, TO)).containsExactly(
                new GroupCount("elderly_alone", 3), new GroupCount("disabled", 1), new GroupCount("left_behind_child", 1));
    }

    @Test
    void theCaseListKeepsOnlyCasesRaisedByAResidentOfTheGroup() {
        var cases = new CaseQueries(warehouse);
        var all = new CaseFilter(STREET, FROM, TO, null, null, null, 100);
        assertThat(cases.cases(all)).extracting(CaseRow::caseId).containsExactlyInAnyOrder("g1", "g2", "g3", "g4", "g5");
        assertThat(cases.cases(all.withPopulationGroup("elderly_alone"))).extracting(CaseRow::caseId)
                .containsExactly("g3", "g2", "g1");
        assertThat(cases.cases(all.withPopulationGroup("left_behind_child"))).extracting(CaseRow::caseId).containsExactly("g4");
        assertThat(cases.cases(all.withPopulationGroup(" "))).hasSize(5);
    }

    @Test
    void anUnknownGroupIsRefusedWithTheGroupsThereAre() {
        assertThatThrownBy(() -> queries().demandsByChild(STREET, FROM, TO, "elderly' OR 1=1 --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elderly_alone");
        assertThatThrownBy(() -> new CaseFilter(STREET, FROM, TO, null, null, null, 100, "aliens"))
                .hasMessageContaining("unknown population group");
        assertThatThrownBy(() -> queries().demandsByGroup(STREET, TO, FROM)).hasMessageContaining("from before to");
    }

    private static GroupQueries queries() {
        return new GroupQueries(warehouse);
    }

    private static EventRow created(String caseId, String at, String grid, List<String> groups) {
        var t = Instant.parse(at);
        // g1 and g2 at H3's example point, g3 a little way off, the others placed by grid code only
        Double lon = switch (caseId) {
            case "g1", "g2" -> EXAMPLE_LON;
            case "g3" -> EXAMPLE_LON + 0.01;
            default -> null;
        };
        Double lat = lon == null ? null : EXAMPLE_LAT;
        return new EventRow("e-" + caseId, "demand.created", t, t, "test", grid, grid.substring(0, 12), grid.substring(0, 9),
                grid.substring(0, 6), lon, lat, "{\"caseId\":\"" + caseId + "\",\"demandType\":\"elderly_care\"}", groups);
    }

    private static Alert breach(String id, String caseId, String grid, AlertStatus status, String cleared) {
        var at = Instant.parse("2026-11-06T00:00:00Z");
        return new Alert(id, AlertKind.SLA_BREACH, Severity.MAJOR, status, caseId, "resolve_now.first_response", 0, at,
                at, cleared == null ? null : Instant.parse(cleared), new AreaLineage(grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6)), "", 1);
    }

    private static EventRow step(String caseId, String at, String grid) {
        var t = Instant.parse(at);
        return new EventRow("e-" + caseId + "-responded", "demand.responded", t, t, "test", grid, grid.substring(0, 12),
                grid.substring(0, 9), grid.substring(0, 6), null, null, "{\"caseId\":\"" + caseId + "\"}");
    }
}
