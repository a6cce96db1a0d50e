package io.gridpulse.ingest;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.notify.AlertDispatcher;
import io.gridpulse.ingest.notify.SmtpServer;
import io.gridpulse.ingest.notify.SubscriptionSecrets;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.gridpulse.warehouse.notify.DeliveryLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts by e-mail through a real SMTP server in process (GreenMail), in Chinese and English. */
class EmailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final List<Duration> FAST = List.of(Duration.ofMillis(100), Duration.ofMillis(200));
    private static Warehouse warehouse;
    private static SubscriptionStore store;
    private static DeliveryLog deliveries;

    @BeforeAll
    static void warehouse() {
        warehouse = TestWarehouse.shared();
        store = new SubscriptionStore(warehouse, SubscriptionSecrets.box(TestIngest.PSEUDONYM_KEY));
        deliveries = new DeliveryLog(warehouse);
    }

    @org.junit.jupiter.api.BeforeEach
    void noSubscriptions() {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.subscriptions");
    }

    private static Subscription email(String id, String address) {
        return new Subscription(id, "duty-desk", Channel.EMAIL, URI.create("mailto:" + address), "",
                List.of(AreaCode.of("439901003")), Set.of(AlertKind.SLA_BREACH), Severity.INFO, TestClock.now());
    }

    private static void publish(String topic, Alert alert) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, alert.alertId().getBytes(StandardCharsets.UTF_8), AlertJson.encode(alert)));
        }
    }

    private static AlertDispatcher dispatcher(String topic, SmtpServer smtp) {
        return new AlertDispatcher(TestKafka.bootstrap(), topic, store, deliveries, Region.demo(), ZoneId.of("Asia/Shanghai"),
                TestClock.get(), FAST, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofHours(1), smtp).start();
    }

    private static Alert breach(String id) {
        var at = TestClock.now().minusSeconds(60);
        return Alert.raise(id, AlertKind.SLA_BREACH).about("case-" + id, "resolve_now.first_response").raisedAt(at)
                .deadline(at).in(AreaLineage.ofGrid(AreaCode.of("439901003001001"))).detail("首次响应超时").build();
    }

    @Test
    void aBreachArrivesAsAnEMailInChineseAndEnglish() throws Exception {
        var topic = "gp.alerts.email-1";
        TestKafka.createTopic(topic);
        store.save(email("sub-mail-1", "duty@example.gov.cn"), TestClock.now());
        var smtp = new SmtpServer("127.0.0.1", MAIL.getSmtp().getPort(), "gridpulse@example.gov.cn", null, null,
                SmtpServer.Security.NONE);
        try (var dispatcher = dispatcher(topic, smtp)) {
            assertThat(dispatcher.awaitAssigned(Duration.ofSeconds(30))).isTrue();
            publish(topic, breach("mail-1"));
            assertThat(MAIL.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(30), 1))
                    .as("an e-mail within 30 s; the attempts: %s", deliveries.forAlert("mail-1")).isTrue();
        }
        var message = MAIL.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("duty@example.gov.cn");
        assertThat(message.getSubject()).isEqualTo("【超时】南城街道 / [Overdue] Nancheng Street");
        assertThat(message.getContent().toString()).contains("南城街道", "case-mail-1", "级别：严重", "Severity: major", "Nancheng Street");
        assertThat(message.getHeader("X-GridPulse-Delivery")[0]).startsWith("sub-mail-1:");
        assertThat(deliveries.forAlert("mail-1")).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(DeliveryLog.Outcome.DELIVERED);
            assertThat(a.channel()).isEqualTo("email");
            assertThat(a.target()).isEqualTo("duty@example.gov.cn");
        });
    }

    @Test
    void withoutAMailServerTheAttemptsSaySoAndEndGivenUp() throws Exception {
        var topic = "gp.alerts.email-2";
        TestKafka.createTopic(topic);
        store.save(email("sub-mail-2", "desk@example.gov.cn"), TestClock.now());
        try (var dispatcher = dispatcher(topic, null)) {
            assertThat(dispatcher.awaitAssigned(Duration.ofSeconds(30))).isTrue();
            publish(topic, breach("mail-2"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (deliveries.forAlert("mail-2").size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(deliveries.forAlert("mail-2")).extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.GIVEN_UP);
        assertThat(deliveries.forAlert("mail-2")).allSatisfy(a -> assertThat(a.error()).contains("GP_SMTP_HOST"));
    }
}
