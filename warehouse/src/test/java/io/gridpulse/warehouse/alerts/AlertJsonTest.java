package io.gridpulse.warehouse.alerts;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertJsonTest {

    @Test
    void anAlertSurvivesTheRoundTripOpenAndCleared() {
        var raised = Instant.parse("2026-11-24T01:00:00Z");
        var open = new Alert("sla:c:resolve_now.first_response:1:breach", AlertKind.SLA_BREACH, Severity.MAJOR,
                AlertStatus.OPEN, "c", "resolve_now.first_response", 0, raised, raised, null,
                new AreaLineage("439901001001001", "439901001001", "439901001", "439901"), "首次响应超时 \"引号\"", 1);
        assertThat(AlertJson.decode(AlertJson.encode(open))).isEqualTo(open);
        var cleared = open.cleared(raised.plusSeconds(90));
        assertThat(AlertJson.decode(AlertJson.encode(cleared))).isEqualTo(cleared);
    }

    @Test
    void somethingElseIsRefusedClearly() {
        assertThatThrownBy(() -> AlertJson.decode("{\"raisedAt\":\"yesterday\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an alert");
    }
}
