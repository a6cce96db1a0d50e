package io.gridpulse.ingest;

import io.gridpulse.model.testing.TestClock;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Valid events of each kind as the wire carries them, timed a minute ago in Beijing time. */
final class Samples {

    private Samples() {}

    static String now() {
        return TestClock.offsetNow().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String demand(String id) {
        return """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-1",
                 "gridCode":"439901001001001","caseId":"case-%s","channel":"visit","demandType":"medical_insurance",
                 "resident":{"idNumber":"11010519491231002X","phone":"13812345678"}}""".formatted(id, now(), id);
    }

    static String visit(String id) {
        return """
                {"eventId":"%s","kind":"visit","occurredAt":"%s","source":"terminal-2",
                 "point":{"lon":113.536,"lat":27.630,"crs":"GCJ-02"},"visitorId":"w-7","householdId":"h-42",
                 "visitType":"routine","durationMinutes":25,"groups":["elderly_alone"],
                 "demands":[{"type":"medical_insurance","description":"报销进度"}]}""".formatted(id, now());
    }

    static String telemetry(String id) {
        return """
                {"eventId":"%s","kind":"telemetry","occurredAt":"%s","source":"wb-9","gridCode":"439901001001",
                 "deviceId":"wb-9","deviceType":"wristband","heartRate":72,"batteryPercent":81.5,"sos":false}"""
                .formatted(id, now());
    }

    static String feedback(String id) {
        return """
                {"eventId":"%s","kind":"feedback","occurredAt":"%s","source":"kiosk-3","gridCode":"439901001",
                 "rating":4,"dimensions":{"efficiency":5},"channel":"qr_scan","target":{"type":"window","id":"w-12"},
                 "text":"快"}""".formatted(id, now());
    }

    static String ticket(String id) {
        return """
                {"eventId":"%s","kind":"ticket","occurredAt":"%s","source":"hall-1","gridCode":"439901001",
                 "ticketId":"A042","hallId":"hall-1","stage":"served","windowId":"w-3","oneVisit":true}"""
                .formatted(id, now());
    }

    static String plaque(String id) {
        return """
                {"eventId":"%s","kind":"plaque","occurredAt":"%s","source":"app","gridCode":"439901001001001",
                 "plaqueId":"pl-88","subjectType":"merchant","action":"scanned","scanMethod":"qr"}""".formatted(id, now());
    }

    static String detection(String id) {
        return """
                {"eventId":"%s","kind":"detection","occurredAt":"%s","source":"cam-5",
                 "point":{"lon":113.5305,"lat":27.6326},"sensorId":"cam-5","sensorType":"video_ai",
                 "detectionType":"street_vending","confidence":0.91}""".formatted(id, now());
    }

    /** One of each kind above. */
    static List<Function<String, String>> allKinds() {
        return List.of(Samples::demand, Samples::visit, Samples::telemetry, Samples::feedback, Samples::ticket,
                Samples::plaque, Samples::detection);
    }

    /** The event on one line, as NDJSON carries it. */
    static String oneLine(String json) {
        return json.replace("\n", "");
    }
}
