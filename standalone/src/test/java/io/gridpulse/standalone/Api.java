package io.gridpulse.standalone;

import io.gridpulse.model.testing.TestClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A plain HTTP client for the ingest API, as a terminal would use it. */
final class Api {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A valid demand in the given grid of the demo region, filed a few minutes ago but never before midnight in Shanghai:
     * the cockpit counts "today" from there.
     */
    static String demand(String eventId, String gridCode) {
        var now = TestClock.offsetNow();
        var midnight = now.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().atStartOfDay(ZoneId.of("Asia/Shanghai"))
                .toOffsetDateTime();
        var at = (now.minusMinutes(3).isBefore(midnight) ? midnight : now.minusMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-0042",
                 "gridCode":"%s","caseId":"case-%s","channel":"visit","demandType":"medical_insurance",
                 "demandClass":"resolve_now","description":"医保报销咨询",
                 "resident":{"idNumber":"11010519491231002X","phone":"13812345678"}}
                """.formatted(eventId, at, gridCode, eventId);
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
