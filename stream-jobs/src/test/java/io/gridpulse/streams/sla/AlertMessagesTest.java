package io.gridpulse.streams.sla;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.warehouse.alerts.AlertJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMessagesTest {
    @Test
    void anAlertRecordIsKeyedByItsIdAndLeavesItsTimestampToTheProducer() {
        var raised = Instant.parse("2026-10-02T00:00:00Z");
        var alert = new Alert("sla:case-1:resolve_now.first_response:1:breach", AlertKind.SLA_BREACH, Severity.MAJOR,
                AlertStatus.OPEN, "case-1", "resolve_now.first_response", 0, raised, raised, null,
                new AreaLineage("439901001001001", "439901001001", "439901001", "439901"), "due", 1);
        // the element's timestamp, the alert's event time weeks ago in a replay, is not the record's
        var record = new AlertMessages.Records("gp.alerts").serialize(alert, null, raised.toEpochMilli());
        assertThat(record.topic()).isEqualTo("gp.alerts");
        assertThat(record.timestamp()).isNull();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(alert.alertId());
        assertThat(AlertJson.decode(record.value())).isEqualTo(alert);
    }
}
