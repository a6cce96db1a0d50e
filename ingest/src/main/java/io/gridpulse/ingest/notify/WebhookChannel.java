package io.gridpulse.ingest.notify;

import io.gridpulse.model.notify.Subscription;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends a notification as a JSON {@code POST} to the subscription's URL, signed so the receiver can tell it came from
 * GridPulse and was not replayed: {@code X-GridPulse-Timestamp} (Unix seconds) and {@code X-GridPulse-Signature:
 * sha256=<hex HMAC-SHA256 under the subscription's secret of timestamp + "." + body>}, as GitHub and Stripe sign
 * theirs. {@code X-GridPulse-Delivery} is the same for every attempt of one notification.
 */
final class WebhookChannel {
    static final String TIMESTAMP = "X-GridPulse-Timestamp";
    static final String SIGNATURE = "X-GridPulse-Signature";
    static final String DELIVERY = "X-GridPulse-Delivery";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    WebhookChannel(Clock clock) {
        this.clock = clock;
    }

    /** The receiver's HTTP status; an {@link IOException} when it could not be reached. */
    int send(Subscription subscription, Notification notification) throws IOException, InterruptedException {
        var body = notification.body();
        var timestamp = Long.toString(clock.instant().getEpochSecond());
        var request = HttpRequest.newBuilder(subscription.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "GridPulse-Webhook/1")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(subscription.secret(), timestamp, body))
                .header(DELIVERY, notification.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
