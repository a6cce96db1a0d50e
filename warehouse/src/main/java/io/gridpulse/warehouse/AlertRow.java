package io.gridpulse.warehouse;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;

import java.time.Instant;

/**
 * An alert as builds before the typed {@link Alert} kept it in the stream job's state (device health's open alerts).
 * Only read: a checkpoint written by such a build names this class, so it stays, under this name, until no county
 * runs state that old; the job moves each entry over to {@link Alert} the first time it touches the device. Nothing
 * writes it.
 */
public record AlertRow(String alertId, String kind, String severity, String status, String caseId, String policyId,
                       int level, Instant deadline, Instant raisedAt, Instant clearedAt, String gridCode,
                       String communityCode, String streetCode, String countyCode, String detail, long version) {

    /** The same alert, typed. */
    public Alert toAlert() {
        return new Alert(alertId, AlertKind.of(kind), Severity.of(severity), AlertStatus.of(status), caseId, policyId, level,
                deadline, raisedAt, clearedAt, new AreaLineage(gridCode, communityCode, streetCode, countyCode), detail,
                version);
    }
}
