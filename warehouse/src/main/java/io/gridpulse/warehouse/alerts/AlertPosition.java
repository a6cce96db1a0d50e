package io.gridpulse.warehouse.alerts;

import io.gridpulse.model.alerts.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a newest-first listing of alerts stopped: the last alert seen, by its raise time and id.
 * The next page starts strictly after it, so pages neither repeat nor skip an alert.
 */
public record AlertPosition(Instant raisedAt, String alertId) {

    public AlertPosition {
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(alertId, "alertId");
    }

    /** The position just after this alert. */
    public static AlertPosition of(Alert alert) {
        return new AlertPosition(alert.raisedAt(), alert.alertId());
    }
}
