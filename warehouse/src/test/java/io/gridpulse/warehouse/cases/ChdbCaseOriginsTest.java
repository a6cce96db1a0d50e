package io.gridpulse.warehouse.cases;

import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.cases.CaseOrigins.CaseOrigin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where cases were created, over embedded ClickHouse (chDB): a county and a month no other test writes to. */
class ChdbCaseOriginsTest {
    static final String GRID = "439909001001001";
    static final Instant AT = Instant.parse("2025-03-04T05:06:07.089Z");
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
        warehouse.events().insert(List.of(
                created("co-1", "co-case-1", AT, GRID),
                created("co-2", "co-case-1", AT.plusSeconds(60), GRID),        // a second creation: the first stays
                step("co-3", "demand.assigned", "co-case-1", AT.plusSeconds(30)),
                created("co-4", "co-case-it's", AT.plusSeconds(5), ""),          // placed by street only
                step("co-5", "demand.assigned", "co-case-never-created", AT)));
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aCaseIsFromItsFirstCreationInTheMostPreciseAreaItNamed() {
        var origins = new CaseOrigins(warehouse).of(List.of("co-case-1", "co-case-it's", "co-case-never-created", "none"));
        assertThat(origins).containsOnlyKeys("co-case-1", "co-case-it's");
        assertThat(origins.get("co-case-1")).isEqualTo(new CaseOrigin("co-case-1", GRID, "co-1", AT));
        assertThat(origins.get("co-case-it's")).isEqualTo(new CaseOrigin("co-case-it's", "439909001", "co-4", AT.plusSeconds(5)));
    }

    @Test
    void noIdsReadNothingAndTooManyAreRefused() {
        var origins = new CaseOrigins(warehouse);
        assertThat(origins.of(List.of())).isEmpty();
        assertThatThrownBy(() -> origins.of(Collections.nCopies(CaseOrigins.MAX_IDS + 1, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventRow created(String id, String caseId, Instant at, String grid) {
        return new EventRow(id, "demand.created", at, at, "test", grid, grid.isEmpty() ? "" : grid.substring(0, 12),
                "439909001", "439909", null, null, "{\"caseId\":\"" + caseId.replace("'", "\\u0027") + "\"}");
    }

    private static EventRow step(String id, String kind, String caseId, Instant at) {
        return new EventRow(id, kind, at, at, "test", GRID, GRID.substring(0, 12), "439909001", "439909", null, null,
                "{\"caseId\":\"" + caseId + "\"}");
    }
}
