package io.gridpulse.cockpit.alerts;

import io.gridpulse.cockpit.alerts.InboxQuery.Show;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's URL state, read for a user and written back, without a browser or a warehouse. */
class InboxQueryTest {
    static final CockpitUser STREET_WATCHER = new CockpitUser("w", Role.WATCHER, AreaCode.of("439901001"), null);
    static final CockpitUser HEAD = new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");
    static final java.util.function.Predicate<String> KNOWN = code -> code.startsWith("439901");

    @Test
    void withoutParametersTheInboxListsTheUsersOpenAlerts() {
        var read = InboxQuery.read(STREET_WATCHER, Map.of(), KNOWN);
        assertThat(read.query()).isEqualTo(InboxQuery.of(STREET_WATCHER));
        assertThat(read.query().show()).isEqualTo(Show.OPEN);
        assertThat(read.query().area()).isEqualTo(AreaCode.of("439901001"));
        assertThat(read.ignored()).isEmpty();
        assertThat(read.query().parameters(STREET_WATCHER).getParameters()).isEmpty();
    }

    @Test
    void everyFilterSurvivesTheRoundTripThroughTheUrl() {
        var asked = Map.of("show", List.of("unhandled"), "kind", List.of("sla_breach,sla_escalation"),
                "severity", List.of("critical", "major"), "area", List.of("439901001002"), "dept", List.of("health"),
                "case", List.of("case-7"), "q", List.of(" 独居 "));
        var query = InboxQuery.read(STREET_WATCHER, asked, KNOWN).query();
        assertThat(query).isEqualTo(new InboxQuery(Show.UNHANDLED, Set.of(AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION),
                Set.of(Severity.CRITICAL, Severity.MAJOR), AreaCode.of("439901001002"), "health", "case-7", "独居"));
        var written = query.parameters(STREET_WATCHER).getParameters();
        assertThat(written).containsEntry("kind", List.of("sla_breach,sla_escalation"))
                .containsEntry("severity", List.of("major,critical")).containsEntry("show", List.of("unhandled"));
        assertThat(InboxQuery.read(STREET_WATCHER, written, KNOWN).query()).isEqualTo(query);
    }

    @Test
    void whatCannotBeHonouredIsIgnoredAndNamedNeverWidened() {
        var read = InboxQuery.read(STREET_WATCHER, Map.of("area", List.of("439901002"), "kind", List.of("sla_breach,nonsense"),
                "show", List.of("everything"), "severity", List.of("loud")), KNOWN);
        assertThat(read.query().area()).as("another street stays out").isEqualTo(AreaCode.of("439901001"));
        assertThat(read.query().kinds()).containsExactly(AlertKind.SLA_BREACH);
        assertThat(read.query().show()).isEqualTo(Show.OPEN);
        assertThat(read.ignored()).containsExactlyInAnyOrder("area=439901002", "kind=nonsense", "show=everything",
                "severity=loud");
    }

    @Test
    void aDepartmentHeadKeepsTheirDepartmentWhateverTheUrlSays() {
        var read = InboxQuery.read(HEAD, Map.of("dept", List.of("health")), KNOWN);
        assertThat(read.query().department()).isEqualTo("civil_affairs");
        assertThat(read.query().parameters(HEAD).getParameters()).doesNotContainKey("dept");
        assertThat(read.query().filter().department()).isEqualTo("civil_affairs");
    }

    @Test
    void theFilterAsksTheWarehouseForWhatTheQueryShows() {
        var query = InboxQuery.of(STREET_WATCHER).withKinds(Set.of(AlertKind.DEVICE_SOS));
        var sos = alert(AlertKind.DEVICE_SOS, AlertStatus.OPEN, "439901001001001");
        var clearedSos = alert(AlertKind.DEVICE_SOS, AlertStatus.CLEARED, "439901001001001");
        var elsewhere = alert(AlertKind.DEVICE_SOS, AlertStatus.OPEN, "439901002001001");
        var breach = alert(AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001");
        assertThat(List.of(sos, clearedSos, elsewhere, breach)).filteredOn(query.filter()).containsExactly(sos);
        assertThat(List.of(sos, clearedSos, elsewhere, breach)).filteredOn(query.withShow(Show.ALL).filter())
                .containsExactly(sos, clearedSos);
        assertThat(List.of(sos, clearedSos, elsewhere, breach)).filteredOn(query.withShow(Show.CLEARED).filter())
                .containsExactly(clearedSos);
        assertThat(query.reader().kinds()).as("the reader's counts are of every kind").isEmpty();
        assertThat(query.withShow(Show.UNHANDLED).filter().acknowledged()).isFalse();
    }

    private static Alert alert(AlertKind kind, AlertStatus status, String grid) {
        var at = Instant.parse("2026-12-01T02:00:00Z");
        return new Alert(kind + "-" + status + "-" + grid, kind, kind.severity(), status, "device-1", "device", 0, null, at,
                status == AlertStatus.OPEN ? null : at.plusSeconds(60),
                new AreaLineage(grid, grid.substring(0, 12), grid.substring(0, 9), grid.substring(0, 6)), "", 1);
    }
}
