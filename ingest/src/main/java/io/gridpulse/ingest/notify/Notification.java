package io.gridpulse.ingest.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.warehouse.alerts.AlertJson;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a subscriber receives about an alert: {@code {"groupKey":…,"status":"firing|resolved","repeat":false,
 * "alerts":[<alert as in GET /api/v1/alerts>]}}, the shape Prometheus Alertmanager's webhooks made familiar. A group
 * is an alert kind in a street; today every notification carries the one alert that changed.
 *
 * @param deliveryId the same for every attempt of this notification: a receiver that saw it already may drop it
 */
record Notification(String subscriptionId, Alert alert, String deliveryId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Notification of(String subscriptionId, Alert alert) {
        return new Notification(subscriptionId, alert, subscriptionId + ":" + alert.alertId() + ":" + status(alert));
    }

    /** {@code firing} while the alert is open, {@code resolved} once it is cleared. */
    static String status(Alert alert) {
        return alert.status() == AlertStatus.CLEARED ? "resolved" : "firing";
    }

    String status() {
        return status(alert);
    }

    String groupKey() {
        var street = alert.area().street().isEmpty() ? alert.area().finest() : alert.area().street();
        return alert.kind().wireName() + "/" + street;
    }

    byte[] body() {
        var root = JSON.createObjectNode();
        root.put("groupKey", groupKey());
        root.put("status", status());
        root.put("repeat", false);
        root.put("subscriptionId", subscriptionId);
        root.putArray("alerts").add(AlertJson.toTree(alert));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("a notification always encodes", e);
        }
    }
}
