package io.gridpulse.ingest;

import com.sun.net.httpserver.HttpServer;
import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.notify.AlertDispatcher;
import io.gridpulse.ingest.notify.SubscriptionSecrets;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.testing.Hmac;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.gridpulse.warehouse.notify.DeliveryLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts from a real Kafka topic delivered by the dispatcher to a real HTTP receiver that checks each signature as a
 * subscriber would; attempts recorded in the real embedded warehouse. Each test has a topic of its own.
 */
class WebhookDeliveryTest {
    private static final String SECRET = "whsec-0123456789abcdef";
    private static final List<Duration> FAST = List.of(Duration.ofMillis(100), Duration.ofMillis(200));
    private static Warehouse warehouse;
    private static SubscriptionStore store;
    private static DeliveryLog deliveries;
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private final List<AutoCloseable> closing = new ArrayList<>();
    private static final String ROBOT_SECRET = "SEC0123456789abcdef0123456789";
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> robots = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private HttpServer receiver;
    private String topic;

    record Received(String deliveryId, JsonObject body, boolean signatureValid) {
    }

    @BeforeAll
    static void warehouse() {
        warehouse = TestWarehouse.shared();
        store = new SubscriptionStore(warehouse, SubscriptionSecrets.box(TestIngest.PSEUDONYM_KEY));
        deliveries = new DeliveryLog(warehouse);
    }

    @BeforeEach
    void receiverAndTopic() throws Exception {
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.subscriptions");
        warehouse.clickHouse().execute("TRUNCATE TABLE gridpulse.deliveries");
        topic = "gp.alerts.webhook-" + TOPICS.incrementAndGet();
        TestKafka.createTopic(topic);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            var timestamp = exchange.getRequestHeaders().getFirst("X-GridPulse-Timestamp");
            var signature = exchange.getRequestHeaders().getFirst("X-GridPulse-Signature");
            if (failuresToAnswer.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-GridPulse-Delivery"),
                        new JsonObject(new String(body, StandardCharsets.UTF_8)),
                        ("sha256=" + hmac(timestamp + "." + new String(body, StandardCharsets.UTF_8))).equals(signature)));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        // stand-ins for the DingTalk and WeCom robot APIs, checking what those platforms check
        receiver.createContext("/robot/send", exchange -> {
            var query = exchange.getRequestURI().getRawQuery();
            var timestamp = Long.parseLong(param(query, "timestamp"));
            var signValid = param(query, "sign").equals(dingTalkSign(ROBOT_SECRET, timestamp))
                    && param(query, "access_token").equals("t0ken");
            robots.add(new Received("dingtalk", new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)), signValid));
            answer(exchange, signValid ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        });
        receiver.createContext("/cgi-bin/webhook/send", exchange -> {
            robots.add(new Received("wecom", new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)), param(exchange.getRequestURI().getRawQuery(), "key").equals("k3y")));
            answer(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        receiver.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String param(String query, String name) {
        for (var pair : query.split("&")) {
            var at = pair.indexOf('=');
            if (pair.substring(0, at).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** DingTalk's documented signature: base64 HMAC-SHA256 under the secret of timestamp + "\n" + secret. */
    private static String dingTalkSign(String secret, long timestamp) {
        return Hmac.base64(secret, timestamp + "\n" + secret);
    }

    @AfterEach
    void stop() throws Exception {
        for (var c : closing.reversed()) {
            c.close();
        }
        receiver.stop(0);
    }

    private static String hmac(String text) {
        return Hmac.hex(SECRET, text);
    }

    private Subscription subscribe(Set<AlertKind> kinds, Severity least) {
        return subscribe(Channel.WEBHOOK, "/hook", SECRET, kinds, least);
    }

    private Subscription subscribe(Channel channel, String path, String secret, Set<AlertKind> kinds, Severity least) {
        var s = new Subscription("sub-" + TOPICS.get() + "-" + channel.wireName() + "-" + kinds.size(), "duty-desk", channel,
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path), secret,
                List.of(AreaCode.of("439901001")), kinds, least, TestClock.now());
        store.save(s, TestClock.now());
        return s;
    }

    private AlertDispatcher dispatcher() throws Exception {
        var dispatcher = new AlertDispatcher(TestKafka.bootstrap(), topic, store, deliveries, Region.demo(),
                ZoneId.of("Asia/Shanghai"), TestClock.get(), FAST, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofHours(1), null).start();
        closing.add(dispatcher);
        return dispatcher;
    }

    private static Alert alert(String id, AlertKind kind, AlertStatus status, String grid) {
        var raised = TestClock.now().minusSeconds(60);
        return new Alert(id, kind, kind.severity(), status, "case-" + id, "resolve_now.first_response", 0,
                raised, raised, status == AlertStatus.CLEARED ? raised.plusSeconds(30) : null,
                AreaLineage.ofGrid(AreaCode.of(grid)), "首次响应超时", status == AlertStatus.CLEARED ? 2 : 1);
    }

    private void publish(Alert... alerts) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (var a : alerts) {
                producer.send(new ProducerRecord<>(topic, a.alertId().getBytes(StandardCharsets.UTF_8), AlertJson.encode(a)));
            }
        }
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private List<String> alertIds() {
        return received.stream().flatMap(r -> r.body().getJsonArray("alerts").stream())
                .map(a -> ((JsonObject) a).getString("alertId")).toList();
    }

    private void awaitAlerts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (alertIds().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aFloodInOneStreetIsOneMessageAtOnceThenOneForTheRestWithTheGroupsCount() throws Exception {
        subscribe(Set.of(AlertKind.DEVICE_SOS), Severity.INFO);
        assertThat(dispatcher().awaitAssigned(Duration.ofSeconds(30))).isTrue();
        for (int i = 0; i < 20; i++) {
            publish(alert("f-" + i, AlertKind.DEVICE_SOS, AlertStatus.OPEN, "439901001001003"));
        }
        awaitAlerts(20);
        Thread.sleep(600);
        assertThat(alertIds()).hasSize(20).doesNotHaveDuplicates();
        assertThat(received.size()).as("20 alerts in %d messages", received.size()).isLessThanOrEqualTo(4);
        var first = received.peek().body();
        assertThat(first.getJsonArray("alerts")).hasSize(1);
        assertThat(first.getString("groupKey")).isEqualTo("device_sos/439901001");
        var last = received.stream().reduce((a, b) -> b).orElseThrow().body();
        assertThat(last.getInteger("firing")).as("the group's count alongside").isEqualTo(20);
        assertThat(last.getBoolean("repeat")).isFalse();
    }

    @Test
    void aMatchingAlertIsPostedSignedWhenItFiresAndWhenItIsResolved() throws Exception {
        var subscription = subscribe(Set.of(AlertKind.SLA_BREACH), Severity.MAJOR);
        assertThat(dispatcher().awaitAssigned(Duration.ofSeconds(30))).isTrue();
        publish(alert("b-1", AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001"),
                alert("w-1", AlertKind.SLA_WARNING, AlertStatus.OPEN, "439901001001001"),
                alert("b-2", AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901002001001"),
                alert("b-1", AlertKind.SLA_BREACH, AlertStatus.CLEARED, "439901001001001"));
        awaitReceived(2);
        Thread.sleep(500);   // nothing else may arrive: the warning and the other street's breach are not wanted
        assertThat(received).hasSize(2).allMatch(Received::signatureValid);
        var firing = received.peek().body();
        assertThat(firing.getString("status")).isEqualTo("firing");
        assertThat(firing.getString("groupKey")).isEqualTo("sla_breach/439901001");
        assertThat(firing.getJsonArray("alerts").getJsonObject(0).getString("alertId")).isEqualTo("b-1");
        var resolved = received.stream().skip(1).findFirst().orElseThrow().body();
        assertThat(resolved.getString("status")).isEqualTo("resolved");
        assertThat(resolved.getJsonArray("alerts").getJsonObject(0).getString("status")).isEqualTo("cleared");
        assertThat(received).extracting(Received::deliveryId).allMatch(id -> id.startsWith(subscription.id() + ":"))
                .doesNotHaveDuplicates();
        assertThat(deliveries.forAlert("b-1")).extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.DELIVERED, DeliveryLog.Outcome.DELIVERED);
    }

    @Test
    void aRefusedNotificationIsRetriedAndEveryAttemptRecordedUntilItIsGivenUp() throws Exception {
        subscribe(Set.of(), Severity.INFO);
        assertThat(dispatcher().awaitAssigned(Duration.ofSeconds(30))).isTrue();
        failuresToAnswer.set(1);
        publish(alert("r-1", AlertKind.DEVICE_SOS, AlertStatus.OPEN, "439901001001002"));
        awaitReceived(1);
        // the attempt is recorded once the answer is read, a moment after the receiver has the request
        Eventually.within5s(() -> deliveries.forAlert("r-1").size() == 2);
        assertThat(deliveries.forAlert("r-1")).extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.DELIVERED);
        assertThat(deliveries.forAlert("r-1").getFirst().httpStatus()).isEqualTo(503);

        failuresToAnswer.set(100);
        publish(alert("r-2", AlertKind.DEVICE_SOS, AlertStatus.OPEN, "439901001001002"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (deliveries.forAlert("r-2").size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(deliveries.forAlert("r-2")).extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.GIVEN_UP);
    }

    @Test
    void withTwoDispatchersEachAlertReachesTheSubscriberOnceEvenWhenTheActiveOneStops() throws Exception {
        subscribe(Set.of(AlertKind.SLA_BREACH), Severity.INFO);
        var first = dispatcher();
        var second = dispatcher();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!first.awaitAssigned(Duration.ofMillis(50)) && !second.awaitAssigned(Duration.ofMillis(50))) {
            assertThat(System.nanoTime()).as("one of the two was given the partition").isLessThan(deadline);
        }
        for (int i = 0; i < 5; i++) {
            publish(alert("t-" + i, AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001"));
        }
        awaitAlerts(5);
        var active = first.awaitAssigned(Duration.ZERO) ? first : second;
        var standby = active == first ? second : first;
        active.close();
        // the standby takes the partition over from the last committed alert; a replay of the same alerts is skipped
        assertThat(standby.awaitAssigned(Duration.ofSeconds(60))).isTrue();
        publish(alert("t-0", AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001"));
        for (int i = 5; i < 10; i++) {
            publish(alert("t-" + i, AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001"));
        }
        awaitAlerts(10);
        Thread.sleep(500);
        assertThat(alertIds()).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void groupChatRobotsGetAChineseMarkdownMessageDingTalksSigned() throws Exception {
        subscribe(Channel.DINGTALK, "/robot/send?access_token=t0ken", ROBOT_SECRET, Set.of(AlertKind.SLA_BREACH), Severity.INFO);
        subscribe(Channel.WECOM, "/cgi-bin/webhook/send?key=k3y", "", Set.of(AlertKind.SLA_BREACH), Severity.INFO);
        var wrongSecret = subscribe(Channel.DINGTALK, "/robot/send?access_token=t0ken", "SEC-not-the-robots-secret",
                Set.of(AlertKind.SLA_BREACH, AlertKind.DEVICE_SOS), Severity.INFO);
        assertThat(dispatcher().awaitAssigned(Duration.ofSeconds(30))).isTrue();
        publish(alert("g-1", AlertKind.SLA_BREACH, AlertStatus.OPEN, "439901001001001"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (deliveries.forAlert("g-1").size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        var dingTalk = robots.stream().filter(r -> r.deliveryId().equals("dingtalk") && r.signatureValid()).findFirst().orElseThrow();
        assertThat(dingTalk.body().getString("msgtype")).isEqualTo("markdown");
        assertThat(dingTalk.body().getJsonObject("markdown").getString("title")).isEqualTo("【超时】东城街道");
        assertThat(dingTalk.body().getJsonObject("markdown").getString("text")).contains("东城街道", "case-g-1", "级别：严重");
        var weCom = robots.stream().filter(r -> r.deliveryId().equals("wecom")).findFirst().orElseThrow();
        assertThat(weCom.signatureValid()).as("the key in the URL").isTrue();
        assertThat(weCom.body().getJsonObject("markdown").getString("content")).startsWith("### 【超时】东城街道");
        // a robot that refuses the signature answers 200 with an errcode: a failed attempt, retried, then given up
        assertThat(deliveries.forAlert("g-1")).filteredOn(a -> a.subscriptionId().equals(wrongSecret.id()))
                .extracting(DeliveryLog.Attempt::outcome)
                .containsExactly(DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.FAILED, DeliveryLog.Outcome.GIVEN_UP);
        assertThat(deliveries.forAlert("g-1")).filteredOn(a -> a.subscriptionId().equals(wrongSecret.id()))
                .allSatisfy(a -> assertThat(a.error()).isEqualTo("errcode 310000: sign not match"));
    }
}
