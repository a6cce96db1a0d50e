package io.gridpulse.cockpit.security;

import io.gridpulse.cockpit.TestCockpit;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The cockpit refuses to be framed by another site, so its alert buttons cannot be clickjacked (issue 12 item 12). */
class SecurityHeadersTest {

    @Test
    void everyPageRefusesToBeFramed() throws Exception {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        for (var path : new String[] {"login", "alerts", "wall"}) {
            var answer = http.send(HttpRequest.newBuilder(URI.create(TestCockpit.url() + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isLessThan(400);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValue("frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        }
    }
}
