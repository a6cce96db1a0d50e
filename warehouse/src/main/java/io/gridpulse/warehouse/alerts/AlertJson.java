package io.gridpulse.warehouse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one JSON form of an alert: on the Kafka topic {@code gp.alerts}, in the alerts API and in
 * its server-sent events. Field names are camelCase; instants are ISO-8601 UTC; absent values are null.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static ObjectNode toTree(Alert a) {
        var node = MAPPER.createObjectNode();
        node.put("alertId", a.alertId());
        node.put("kind", a.kind().wireName());
        node.put("severity", a.severity().wireName());
        node.put("status", a.status().wireName());
        node.put("caseId", a.caseId());
        node.put("policyId", a.policyId());
        node.put("level", a.level());
        node.put("deadline", a.deadline() == null ? null : a.deadline().toString());
        node.put("raisedAt", a.raisedAt().toString());
        node.put("clearedAt", a.clearedAt() == null ? null : a.clearedAt().toString());
        node.put("gridCode", a.area().grid());
        node.put("communityCode", a.area().community());
        node.put("streetCode", a.area().street());
        node.put("countyCode", a.area().county());
        node.put("detail", a.detail());
        node.put("version", a.version());
        return node;
    }

    public static byte[] encode(Alert alert) {
        try {
            return MAPPER.writeValueAsBytes(toTree(alert));
        } catch (IOException e) {
            throw new UncheckedIOException("an alert always encodes", e);
        }
    }

    /** Reads what {@link #encode} wrote; an unreadable message is an {@link IllegalArgumentException}. */
    public static Alert decode(byte[] json) {
        try {
            var n = MAPPER.readTree(json);
            return new Alert(text(n, "alertId"), AlertKind.of(text(n, "kind")), Severity.of(text(n, "severity")),
                    AlertStatus.of(text(n, "status")), text(n, "caseId"), text(n, "policyId"), n.path("level").asInt(),
                    instant(n, "deadline"), instant(n, "raisedAt"), instant(n, "clearedAt"),
                    new AreaLineage(text(n, "gridCode"), text(n, "communityCode"), text(n, "streetCode"), text(n, "countyCode")),
                    text(n, "detail"), n.path("version").asLong());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an alert message: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }
}
