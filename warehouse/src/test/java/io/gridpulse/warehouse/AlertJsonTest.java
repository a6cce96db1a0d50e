package io.gridpulse.warehouse;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertJsonTest {

    @Test
    void anAlertSurvivesTheRoundTripOpenAndCleared() {
        var raised = Instant.parse("2026-11-24T01:00:00Z");
        var open = new AlertRow("sla:c:resolve_now.first_response:1:breach", "sla_breach", "major", AlertRow.OPEN, "c",
                "resolve_now.first_response", 0, raised, raised, null, "439901001001001", "439901001001", "439901001",
                "439901", "首次响应超时 \"引号\"", 1);
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
