package io.gridpulse.warehouse.notify;

import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.privacy.SecretBox;
import io.gridpulse.warehouse.TestChdb;
import io.gridpulse.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions and delivery attempts in the embedded warehouse. */
class ChdbSubscriptionStoreTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final SecretBox BOX = new SecretBox("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "subscription secrets");
    private static Warehouse warehouse;

    @BeforeAll
    static void open() {
        warehouse = Warehouse.open(TestChdb.config());
    }

    @AfterAll
    static void close() {
        // chDB serves one directory per process: other test classes open their own
        warehouse.close();
    }

    @BeforeEach
    void empty() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.subscriptions");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.deliveries");
    }

    private static Subscription subscription(String id, String owner, Channel channel, String secret) {
        return new Subscription(id, owner, channel, URI.create("https://duty.example.gov.cn/" + id), secret,
                List.of(AreaCode.of("439901001"), AreaCode.of("439901002001")), Set.of(AlertKind.SLA_BREACH, AlertKind.DEVICE_SOS),
                Severity.MAJOR, T);
    }

    @Test
    void aSubscriptionIsReadBackAsWrittenWithItsSecretSealedAtRest() {
        var store = new SubscriptionStore(warehouse, BOX);
        store.save(subscription("s-1", "desk", Channel.WEBHOOK, "whsec-0123456789abcdef"), T);
        store.save(subscription("s-2", "other", Channel.WECOM, ""), T);
        assertThat(store.find("s-1")).contains(subscription("s-1", "desk", Channel.WEBHOOK, "whsec-0123456789abcdef"));
        assertThat(store.ofOwner("desk")).extracting(Subscription::id).containsExactly("s-1");
        assertThat(store.active()).extracting(Subscription::id).containsExactly("s-1", "s-2");
        assertThat(warehouse.clickHouse().query("SELECT secret_sealed FROM gridpulse.subscriptions WHERE subscription_id = 's-1'")
                .getFirst().get("secret_sealed").toString()).doesNotContain("whsec");

        assertThat(store.delete("other", "s-1", T.plusSeconds(1))).as("not theirs").isFalse();
        assertThat(store.delete("desk", "s-1", T.plusSeconds(1))).isTrue();
        assertThat(store.find("s-1")).isEmpty();
        assertThat(store.active()).extracting(Subscription::id).containsExactly("s-2");
    }

    @Test
    void aWebhookWhoseSecretNoLongerOpensIsNotDispatched() {
        new SubscriptionStore(warehouse, BOX).save(subscription("s-3", "desk", Channel.WEBHOOK, "whsec-0123456789abcdef"), T);
        var otherKey = new SubscriptionStore(warehouse, new SecretBox("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8),
                "subscription secrets"));
        assertThat(otherKey.active()).isEmpty();
        assertThat(otherKey.ofOwner("desk")).singleElement().satisfies(s -> assertThat(s.secret()).isEmpty());
    }

    @Test
    void deliveredIsTrueOnlyForADeliveredAttemptOfThatStatus() {
        var log = new DeliveryLog(warehouse);
        log.record(new DeliveryLog.Attempt("s-1", "webhook", "duty.example.gov.cn", "a-1", "firing", 1,
                DeliveryLog.Outcome.FAILED, 503, "the receiver answered 503", T, Duration.ofMillis(12)));
        assertThat(log.delivered("s-1", "a-1", "firing")).isFalse();
        log.record(new DeliveryLog.Attempt("s-1", "webhook", "duty.example.gov.cn", "a-1", "firing", 2,
                DeliveryLog.Outcome.DELIVERED, 204, "", T.plusSeconds(2), Duration.ofMillis(9)));
        assertThat(log.delivered("s-1", "a-1", "firing")).isTrue();
        assertThat(log.delivered("s-1", "a-1", "resolved")).isFalse();
        assertThat(log.delivered("s-2", "a-1", "firing")).isFalse();
        assertThat(log.forAlert("a-1")).extracting(DeliveryLog.Attempt::attempt, DeliveryLog.Attempt::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 503), org.assertj.core.groups.Tuple.tuple(2, 204));
    }
}
