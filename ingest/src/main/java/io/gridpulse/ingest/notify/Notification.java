package io.gridpulse.ingest.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.warehouse.alerts.AlertJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a subscriber receives about a group of alerts (an alert kind in a street): {@code {"groupKey":…,"status":
 * "firing|resolved","repeat":false,"subscriptionId":…,"firing":<the group's firing alerts>,"alerts":[<alert as in
 * GET /api/v1/alerts>, …]}}, the shape Prometheus Alertmanager's webhooks made familiar. {@code alerts} are those new
 * since the group's last notification; a reminder ({@code "repeat":true}) lists every alert still firing.
 *
 * @param deliveryId the same for every attempt of this notification, and for the same notification sent again by
 *                   another dispatcher: a receiver that saw it already may drop it
 */
record Notification(String subscriptionId, String groupKey, String status, boolean repeat, List<Alert> alerts,
                    int firingTotal, String deliveryId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Notification of(NotificationGroups.Batch batch) {
        var id = batch.subscription().id();
        return new Notification(id, batch.groupKey(), batch.status(), batch.repeat(), batch.alerts(), batch.firingTotal(),
                id + ":" + digest(batch));
    }

    /** {@code firing} while an alert is open, {@code resolved} once it is cleared. */
    static String status(Alert alert) {
        return alert.status() == AlertStatus.CLEARED ? "resolved" : "firing";
    }

    byte[] body() {
        var root = JSON.createObjectNode();
        root.put("groupKey", groupKey);
        root.put("status", status);
        root.put("repeat", repeat);
        root.put("subscriptionId", subscriptionId);
        root.put("firing", firingTotal);
        var list = root.putArray("alerts");
        alerts.forEach(a -> list.add(AlertJson.toTree(a)));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("a notification always encodes", e);
        }
    }

    /** A digest of what the notification says, so the same notification has the same id wherever it is made. */
    private static String digest(NotificationGroups.Batch batch) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update((batch.groupKey() + "|" + batch.repeat()).getBytes(StandardCharsets.UTF_8));
            batch.alerts().stream().map(a -> "|" + a.alertId() + ":" + status(a) + ":" + a.version()).sorted()
                    .forEach(s -> sha.update(s.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
