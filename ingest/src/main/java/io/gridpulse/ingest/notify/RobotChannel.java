package io.gridpulse.ingest.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Group-chat robots, in their documented Markdown message shapes. DingTalk (钉钉自定义机器人): {@code {"msgtype":
 * "markdown","markdown":{"title":…,"text":…}}}, signed when the subscription has a secret ("加签": {@code timestamp}
 * in milliseconds and {@code sign} = URL-encoded base64 HMAC-SHA256 under the secret of {@code timestamp + "\n" +
 * secret}, added to the robot's URL). WeCom (企业微信群机器人): {@code {"msgtype":"markdown","markdown":{"content":…}}}
 * to the robot's URL, whose {@code key} authenticates it. Both answer HTTP 200 with {@code errcode} 0 when the message
 * was taken; anything else (a wrong signature, too many messages a minute) is a failed attempt, retried.
 */
final class RobotChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** WeCom refuses Markdown content above 4,096 bytes. */
    private static final int WECOM_MAX_BYTES = 4_096;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final RobotMessage messages;
    private final Clock clock;

    RobotChannel(RobotMessage messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** What the robot answered: its HTTP status, and the error it reported, empty when the message was taken. */
    record Answer(int httpStatus, String error) {
    }

    Answer send(Subscription subscription, Notification notification) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("msgtype", "markdown");
        URI target = subscription.url();
        if (subscription.channel() == Channel.DINGTALK) {
            body.putObject("markdown").put("title", messages.title(notification)).put("text", messages.markdown(notification));
            if (!subscription.secret().isEmpty()) {
                var timestamp = clock.millis();
                target = URI.create(target + (target.getRawQuery() == null ? "?" : "&") + "timestamp=" + timestamp
                        + "&sign=" + dingTalkSign(subscription.secret(), timestamp));
            }
        } else {
            body.putObject("markdown").put("content", truncate(messages.markdown(notification), WECOM_MAX_BYTES));
        }
        var request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return new Answer(response.statusCode(), "the robot answered " + response.statusCode());
        }
        try {
            var answer = JSON.readTree(response.body());
            var code = answer.path("errcode").asInt(-1);
            return new Answer(200, code == 0 ? "" : "errcode " + code + ": " + answer.path("errmsg").asText(""));
        } catch (IOException e) {
            return new Answer(200, "the robot's answer is not JSON");
        }
    }

    /** DingTalk's signature of a request at {@code timestamp} (ms), URL-encoded. */
    static String dingTalkSign(String secret, long timestamp) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signed = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static String truncate(String text, int maxBytes) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        var cut = text;
        while (cut.getBytes(StandardCharsets.UTF_8).length > maxBytes - 3) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
