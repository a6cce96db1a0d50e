package io.gridpulse.standalone;

import com.sun.net.httpserver.HttpServer;
import io.gridpulse.model.testing.Hmac;
import io.gridpulse.model.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber off-screen: subscribed over the API, a breach raised by the job through every real part reaches its
 * webhook, signed. Street 439901203 (松岭乡) is used by no other test of this module: a breach elsewhere would change the wall the browser test reads.
 */
@ExtendWith(SharedStack.class)
class WebhookEndToEndTest {
    private static final String SECRET = "duty-desk-secret-0123456789";
    private static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();
    private static HttpServer receiver;
    private static Api api;

    @BeforeAll
    static void receiver(GridPulse system) throws Exception {
        api = new Api(system.ingestUrl(), system.apiKey());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/duty", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var signed = "sha256=" + hmac(exchange.getRequestHeaders().getFirst("X-GridPulse-Timestamp") + "." + body);
            exchange.sendResponseHeaders(signed.equals(exchange.getRequestHeaders().getFirst("X-GridPulse-Signature")) ? 204 : 401, -1);
            exchange.close();
            if (signed.equals(exchange.getRequestHeaders().getFirst("X-GridPulse-Signature"))) {
                RECEIVED.add(body);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static String hmac(String text) {
        return Hmac.hex(SECRET, text);
    }

    @Test
    void aBreachReachesTheSubscribersWebhookSigned() throws Exception {
        var subscribed = api.post("/api/v1/subscriptions", """
                {"channel":"webhook","url":"http://127.0.0.1:%d/duty","secret":"%s","areas":["439901203"],
                 "kinds":["sla_breach"],"minSeverity":"major"}""".formatted(receiver.getAddress().getPort(), SECRET));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        Thread.sleep(2_500);   // the dispatcher reads the subscriptions again every 2 s

        var caseId = "case-" + Api.newEventId();
        var created = TestClock.offsetNow().minusHours(25).truncatedTo(ChronoUnit.SECONDS);
        var demand = """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-0042","gridCode":"439901203001001",
                 "channel":"visit","demandType":"medical_insurance","demandClass":"resolve_now","caseId":"%s"}"""
                .formatted(Api.newEventId(), created, caseId);
        assertThat(api.post("/api/v1/events", demand).statusCode()).isEqualTo(202);

        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (RECEIVED.stream().noneMatch(b -> b.contains(caseId)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(RECEIVED).filteredOn(b -> b.contains(caseId)).singleElement().satisfies(body -> {
            assertThat(body).contains("\"status\":\"firing\"").contains("\"groupKey\":\"sla_breach/439901203\"")
                    .contains("\"kind\":\"sla_breach\"");
        });
    }
}
