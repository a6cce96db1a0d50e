package io.gridpulse.warehouse.notify;

import io.gridpulse.warehouse.ClickHouse;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.sql.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every attempt to deliver a notification, and how it ended. A delivered attempt for (subscription, alert, status) is
 * what makes a dispatcher skip that notification after a restart or a rebalance: an alert reaches a subscriber once
 * per status (firing, then resolved).
 */
public final class DeliveryLog {
    private final ClickHouse clickHouse;

    public DeliveryLog(Warehouse warehouse) {
        this.clickHouse = warehouse.clickHouse();
    }

    /** How an attempt ended. */
    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Refused or unreachable; it will be tried again. */
        FAILED,
        /** Refused or unreachable for the last time: a dead letter, shown on the alert. */
        GIVEN_UP;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One attempt.
     *
     * @param channel     the subscription's channel ({@code webhook}, {@code dingtalk}, {@code wecom})
     * @param target      where it went, the host of the subscription's URL (no path, which may hold a robot's key)
     * @param alertStatus {@code firing} or {@code resolved}
     * @param httpStatus  the receiver's status, 0 when it could not be reached
     */
    public record Attempt(String subscriptionId, String channel, String target, String alertId, String alertStatus, int attempt, Outcome outcome,
                          int httpStatus, String error, Instant at, Duration took) {
    }

    public void record(Attempt a) {
        clickHouse.execute(Sql.of("""
                INSERT INTO gridpulse.deliveries (subscription_id, channel, target, alert_id, alert_status, attempt, outcome,
                    http_status, error, at, duration_ms) SETTINGS async_insert = 0
                VALUES (:subscription, :channel, :target, :alert, :status, :attempt, :outcome, :http, :error, :at, :took)""")
                .bind("subscription", a.subscriptionId()).bind("channel", a.channel()).bind("target", a.target())
                .bind("alert", a.alertId()).bind("status", a.alertStatus())
                .bind("attempt", a.attempt()).bind("outcome", a.outcome().wireName()).bind("http", a.httpStatus())
                .bind("error", a.error()).bind("at", a.at()).bind("took", a.took().toMillis()));
    }

    /** Whether this notification was delivered already. */
    public boolean delivered(String subscriptionId, String alertId, String alertStatus) {
        return clickHouse.count(Sql.of("""
                SELECT count() AS n FROM gridpulse.deliveries
                WHERE alert_id = :alert AND subscription_id = :subscription AND alert_status = :status AND outcome = 'delivered'""")
                .bind("alert", alertId).bind("subscription", subscriptionId).bind("status", alertStatus)) > 0;
    }

    /** Every attempt for an alert, oldest first, for its page. */
    public List<Attempt> forAlert(String alertId) {
        return forAlerts(List.of(alertId));
    }

    /** Every attempt for these alerts (a case's), oldest first. */
    public List<Attempt> forAlerts(java.util.Collection<String> alertIds) {
        return clickHouse.query(Sql.of("""
                SELECT subscription_id, channel, target, alert_id, alert_status, attempt, outcome, http_status, error,
                       toUnixTimestamp64Milli(at) AS at_ms, duration_ms
                FROM gridpulse.deliveries WHERE has(:alerts, alert_id) ORDER BY at, attempt""").bindStrings("alerts", alertIds),
                r -> new Attempt(r.string("subscription_id"), r.string("channel"), r.string("target"), r.string("alert_id"), r.string("alert_status"),
                        r.intValue("attempt"), Outcome.valueOf(r.string("outcome").toUpperCase(java.util.Locale.ROOT)),
                        r.intValue("http_status"), r.text("error"), r.instantFromMillis("at_ms"),
                        Duration.ofMillis(r.longValue("duration_ms"))));
    }
}
