package io.gridpulse.standalone;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Limits;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.heat.AreaHeat;
import io.gridpulse.warehouse.heat.Granularity;
import io.gridpulse.warehouse.heat.HeatLayer;
import io.gridpulse.warehouse.heat.HeatPoint;
import io.gridpulse.warehouse.heat.HeatQueries;
import io.gridpulse.warehouse.satisfaction.SatisfactionIndex;
import io.gridpulse.warehouse.satisfaction.SatisfactionQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 4 acceptance: a scripted day of one street (北城街道 439901004, written by no other test of
 * this module) replayed through the HTTP edge, Kafka, the Flink jobs and chDB, and every SLA alert,
 * heat count and satisfaction index checked against values worked out by hand below.
 *
 * <p>The day is Wednesday 2026-09-30, the day before the National Day holiday (Oct 1-7 off, Saturday
 * Oct 10 a make-up working day), so the working-day clocks cross a holiday and a make-up day. It lies
 * weeks before any run of this test, so every clock, escalations included, has passed: after two
 * seconds without events the watermark follows the wall clock ({@code LiveOrReplayWatermarks}) and
 * every timer of the day fires.
 *
 * <p>The day's events are posted in one shuffled batch; an offline terminal then uploads a late batch
 * (a case created that day, a visit and a rating of that day, follow-ups of later days and two
 * retries of events already sent). Cases whose follow-ups arrive late are scripted after their last
 * escalation, so that what the system raises does not depend on when the late batch arrives.
 */
@ExtendWith(SharedStack.class)
class ScriptedDayTest {
    private static final String STREET = "439901004";
    private static final String C1 = STREET + "001";
    private static final String C2 = STREET + "002";
    private static final String G11 = C1 + "001";
    private static final String G12 = C1 + "002";
    private static final String G21 = C2 + "001";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY_START = at("2026-09-30T00:00");
    private static final Instant DAY_END = at("2026-10-01T00:00");

    private static GridPulse system;
    private static Api api;
    private static final String RUN = Long.toString(System.nanoTime() & 0xffffffffL, 36) + Api.newEventId().substring(0, 4);

    private static final String A = "case-day-a-" + RUN;
    private static final String B = "case-day-b-" + RUN;
    private static final String C = "case-day-c-" + RUN;
    private static final String D = "case-day-d-" + RUN;
    private static final String E = "case-day-e-" + RUN;
    private static final String H = "case-day-h-" + RUN;

    @BeforeAll
    static void startStack(GridPulse running) {
        system = running;
        api = new Api(system.ingestUrl(), system.apiKey());
    }

    @Test
    void aScriptedDayRaisesExactlyTheExpectedAlertsHeatAndSatisfaction() throws Exception {
        // the script's last event (C assigned, Oct 20 10:00) must lie in the past, and the day within the edge's
        // 400 days of accepted event age; on a clock moved outside that window the scenario cannot be told
        var now = TestClock.now();
        assumeTrue(now.isAfter(at("2026-10-20T10:05")), "the scripted day's clocks run until 2026-10-20; the clock says " + now);
        assumeTrue(now.isBefore(DAY_START.plus(Duration.ofDays(Limits.defaults().maxAge().toDays()))),
                "the edge refuses events older than its limit; the clock says " + now);
        var day = new ArrayList<String>();
        var late = new ArrayList<String>();

        // A: resolve now (24 clock hours), created 09:00, answered 10:30: before its warning (Oct 1 04:12), no alert.
        var aCreated = demand(A, G11, "2026-09-30T09:00", "resolve_now", "medical_insurance");
        day.add(aCreated);
        day.add(step(A, G11, "demand.responded", "2026-09-30T10:30"));
        // B: resolve now, created 08:00, never answered. Hours are clock time, the holiday counts:
        // due Oct 1 08:00; warning at 80% of 24 h = 19 h 12 min -> Oct 1 03:12; escalations +0, +24 h, +72 h.
        day.add(demand(B, G12, "2026-09-30T08:00", "resolve_now", "medical_insurance"));
        // C: coordinate, created 15:00 (the example of docs/domain.md §3). Connected within 3 working days, the
        // start day not counted: Oct 1-7 off, Oct 8 (1), Oct 9 (2), Sat Oct 10 make-up (3) -> due Oct 11 00:00,
        // warning at the start of the last working day, Oct 10 00:00; escalations Oct 11, Oct 12, Oct 14 00:00.
        // Closed loop (complex problem) within 7 working days: Oct 8, 9, 10, 12, 13, 14, 15 -> due Oct 16 00:00,
        // warning Oct 15 00:00, escalations Oct 16, Oct 17, Oct 19 00:00.
        // Assigned on Oct 20 10:00 (late batch): the connection alerts clear then, the closed loop stays open.
        day.add(demand(C, G21, "2026-09-30T15:00", "coordinate", "employment"));
        late.add(step(C, G21, "demand.assigned", "2026-10-20T10:00"));
        // D: counselling, resolve now: two 24-hour clocks (first response, counselling response) from 20:00:
        // warning Oct 1 15:12, due Oct 1 20:00, escalations Oct 1 20:00, Oct 2 20:00, Oct 4 20:00.
        // Answered Oct 5 12:00 (late batch): all ten alerts clear then.
        day.add(demand(D, G11, "2026-09-30T20:00", "resolve_now", "counselling"));
        late.add(step(D, G11, "demand.responded", "2026-10-05T12:00"));
        // E: coordinate, created 11:00, assigned 16:00 the same day: no connection alert; the closed loop
        // has C's dates (same start day): warning Oct 15, due Oct 16, escalations Oct 16, 17, 19, all 00:00.
        day.add(demand(E, G21, "2026-09-30T11:00", "coordinate", "elderly_care"));
        day.add(step(E, G21, "demand.assigned", "2026-09-30T16:00"));
        // H: resolve now, created 13:00 but uploaded late by an offline terminal, never answered:
        // warning Oct 1 08:12, due Oct 1 13:00, escalations Oct 1 13:00, Oct 2 13:00, Oct 4 13:00.
        late.add(demand(H, G12, "2026-09-30T13:00", "resolve_now", "medical_insurance"));

        // visits: V1 and V2 share the 09:10 minute (V2 uploaded late); V6 at 07:30 local is Sep 29 in UTC
        // but Sep 30 locally; V7 is just after the day (Oct 1 00:00:30).
        day.add(visit(G11, "2026-09-30T09:10:00", "routine"));
        late.add(visit(G11, "2026-09-30T09:10:30", "routine"));
        day.add(visit(G11, "2026-09-30T14:00", "first_round"));
        day.add(visit(G21, "2026-09-30T10:00", "routine"));
        day.add(visit(G21, "2026-09-30T16:00", "return_visit"));
        day.add(visit(G21, "2026-09-30T07:30", "routine"));
        day.add(visit(G12, "2026-10-01T00:00:30", "routine"));
        // hall tickets issued in community 2
        day.add(ticket(G21, "2026-09-30T09:00", "T001"));
        day.add(ticket(G21, "2026-09-30T09:05", "T002"));
        day.add(ticket(G21, "2026-09-30T09:20", "T003"));
        // a detection in community 1 (alarm layer)
        day.add(detection(G12, "2026-09-30T12:00"));
        // ratings: community 1: 5, 4, 2 stars (scores 1, 0.75, 0.25); community 2: 5, 5, 3, 1 stars
        // (1, 1, 0.5, 0), the 1 uploaded late. Transparency: 5 and 3 stars in community 1, 1 star in community 2.
        var r1 = rating(G11, "2026-09-30T10:00", 5, 5);
        day.add(r1);
        day.add(rating(G11, "2026-09-30T11:00", 4, null));
        day.add(rating(G12, "2026-09-30T12:00", 2, 3));
        day.add(rating(G21, "2026-09-30T09:30", 5, null));
        day.add(rating(G21, "2026-09-30T09:40", 5, 1));
        day.add(rating(G21, "2026-09-30T17:00", 3, null));
        late.add(rating(G21, "2026-09-30T18:00", 1, null));
        // retries of events already sent: same eventId, same content, must not count twice
        late.add(aCreated);
        late.add(r1);

        var started = System.nanoTime();
        Collections.shuffle(day, new Random(4));
        postBatch(day);
        // the day's clocks have fired (B 5, C 10, D 10, E 5 alerts) before the late batch comes in
        await("the day's alerts", () -> alerts(B, C, D, E).size() == 30);
        Collections.shuffle(late, new Random(5));
        postBatch(late);

        var expected = new HashSet<Expected>();
        expected.addAll(hours(B, "resolve_now.first_response", "2026-09-30T08:00", null));
        expected.addAll(workingDays(C, "coordinate.connected", "2026-10-10T00:00", "2026-10-11T00:00", "2026-10-20T10:00"));
        expected.addAll(workingDays(C, "complex_problem.closed_loop", "2026-10-15T00:00", "2026-10-16T00:00", null));
        expected.addAll(hours(D, "resolve_now.first_response", "2026-09-30T20:00", "2026-10-05T12:00"));
        expected.addAll(hours(D, "counselling.response", "2026-09-30T20:00", "2026-10-05T12:00"));
        expected.addAll(workingDays(E, "complex_problem.closed_loop", "2026-10-15T00:00", "2026-10-16T00:00", null));
        expected.addAll(hours(H, "resolve_now.first_response", "2026-09-30T13:00", null));
        assertThat(expected).hasSize(35);

        await("every alert in its final state", () -> Set.copyOf(alertsInStreet()).equals(expected));
        assertThat(alertsInStreet()).as("SLA alerts of the street, and no others").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(alerts(A)).as("case A was answered before its warning").isEmpty();

        var heat = new HeatQueries(system.warehouse());
        var street = AreaCode.of(STREET);
        await("heat counts", () -> heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.VISIT, null)
                .equals(List.of(new AreaHeat(C1, 3), new AreaHeat(C2, 3)))
                && heat.total(street, DAY_START, DAY_END, HeatLayer.RATING, null) == 7
                && heat.total(street, DAY_START, DAY_END, HeatLayer.DEMAND, null) == 6);
        // demands: A, B, D, H in community 1; C, E in community 2 (the retry of A counts once)
        assertThat(heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat(C1, 4), new AreaHeat(C2, 2));
        assertThat(heat.total(street, DAY_START, DAY_END, HeatLayer.DEMAND, "medical_insurance")).isEqualTo(3);
        assertThat(heat.byChildArea(AreaCode.of(C1), DAY_START, DAY_END, HeatLayer.DEMAND, null))
                .containsExactly(new AreaHeat(G11, 2), new AreaHeat(G12, 2));
        // visits: V1, V2 (late, same minute), V3 in community 1; V4, V5, V6 in community 2; V7 is the next day
        assertThat(heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.VISIT, null))
                .containsExactly(new AreaHeat(C1, 3), new AreaHeat(C2, 3));
        assertThat(heat.series(street, at("2026-09-30T09:10"), at("2026-09-30T09:11"), HeatLayer.VISIT, null,
                Granularity.MINUTE, SHANGHAI)).as("the late visit raised the bucket it belongs to")
                .containsExactly(new HeatPoint(at("2026-09-30T09:10"), 2));
        assertThat(heat.series(street, DAY_START, at("2026-10-02T00:00"), HeatLayer.VISIT, null, Granularity.DAY, SHANGHAI))
                .as("local days").containsExactly(new HeatPoint(DAY_START, 6), new HeatPoint(DAY_END, 1));
        assertThat(heat.total(street, DAY_START, DAY_END, HeatLayer.TICKET, "issued")).isEqualTo(3);
        assertThat(heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.ALARM, null)).containsExactly(new AreaHeat(C1, 1));
        // ratings: good from 0.5: community 1: 2 good 1 bad; community 2: 3 good 1 bad
        assertThat(heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.RATING, "good"))
                .containsExactly(new AreaHeat(C2, 3), new AreaHeat(C1, 2));
        assertThat(heat.byChildArea(street, DAY_START, DAY_END, HeatLayer.RATING, "bad"))
                .containsExactly(new AreaHeat(C1, 1), new AreaHeat(C2, 1));

        // satisfaction, S = 100 (n mean + m parentMean) / (n + m), m = 20:
        // overall: community 1 n = 3, mean 2/3; community 2 n = 4, mean 2.5/4; street mean 4.5/7.
        //   S1 = 100 (2 + 20 * 4.5/7) / 23 = 100 * 104/161 = 64.596...; S2 = 100 (2.5 + 90/7) / 24 = 100 * 107.5/168 = 63.988...
        // transparency: community 1 n = 2, mean 0.75; street mean (1 + 0.5 + 0) / 3 = 0.5:
        //   S1 = 100 (1.5 + 10) / 22 = 52.272...
        var satisfaction = new SatisfactionQueries(system.warehouse());
        await("every rating", () -> satisfaction.forArea(AreaCode.of(C2), DAY_START, DAY_END, 20).stream()
                .anyMatch(i -> i.dimension().equals(SatisfactionIndex.OVERALL) && i.n() == 4));
        var community1 = satisfaction.forArea(AreaCode.of(C1), DAY_START, DAY_END, 20);
        assertThat(community1).extracting(SatisfactionIndex::dimension).containsExactly("overall", "transparency");
        assertThat(community1.get(0).n()).isEqualTo(3);
        assertThat(community1.get(0).mean()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(community1.get(0).parentMean()).isCloseTo(4.5 / 7, within(1e-9));
        assertThat(community1.get(0).index()).isCloseTo(100.0 * 104 / 161, within(1e-9));
        assertThat(community1.get(1).n()).isEqualTo(2);
        assertThat(community1.get(1).index()).isCloseTo(100.0 * 11.5 / 22, within(1e-9));
        var byCommunity = satisfaction.byChildArea(AreaCode.of(STREET), DAY_START, DAY_END, 20).stream()
                .filter(i -> i.dimension().equals(SatisfactionIndex.OVERALL)).toList();
        assertThat(byCommunity).extracting(SatisfactionIndex::areaCode, SatisfactionIndex::n)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(C1, 3L), org.assertj.core.groups.Tuple.tuple(C2, 4L));
        assertThat(byCommunity.get(1).index()).isCloseTo(100.0 * 107.5 / 168, within(1e-9));
        System.out.printf("ScriptedDayTest: the scripted day settled in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** An alert as the test expects it: the fields a person acts on, in the alert's final state. */
    record Expected(String alertId, AlertKind kind, AlertStatus status, int level, Instant deadline, Instant raisedAt,
            Instant clearedAt) {
        static Expected of(Alert a) {
            return new Expected(a.alertId(), a.kind(), a.status(), a.level(), a.deadline(), a.raisedAt(), a.clearedAt());
        }
    }

    /** The five alerts of an hour clock of 24 h from {@code created}: warning at 80%, breach, escalations +0, +24 h, +72 h. */
    private static List<Expected> hours(String caseId, String policy, String created, String cleared) {
        var from = at(created);
        var deadline = from.plus(Duration.ofHours(24));
        return stages(caseId, policy, from.plus(Duration.ofMinutes(24 * 60 * 80 / 100)), deadline, cleared);
    }

    private static List<Expected> workingDays(String caseId, String policy, String warning, String deadline, String cleared) {
        return stages(caseId, policy, at(warning), at(deadline), cleared);
    }

    private static List<Expected> stages(String caseId, String policy, Instant warning, Instant deadline, String cleared) {
        var status = cleared == null ? AlertStatus.OPEN : AlertStatus.CLEARED;
        var clearedAt = cleared == null ? null : at(cleared);
        var prefix = "sla:" + caseId + ":" + policy + ":1:";
        return List.of(
                new Expected(prefix + "warning", AlertKind.SLA_WARNING, status, 0, deadline, warning, clearedAt),
                new Expected(prefix + "breach", AlertKind.SLA_BREACH, status, 0, deadline, deadline, clearedAt),
                new Expected(prefix + "escalation-1", AlertKind.SLA_ESCALATION, status, 1, deadline, deadline, clearedAt),
                new Expected(prefix + "escalation-2", AlertKind.SLA_ESCALATION, status, 2, deadline,
                        deadline.plus(Duration.ofHours(24)), clearedAt),
                new Expected(prefix + "escalation-3", AlertKind.SLA_ESCALATION, status, 3, deadline,
                        deadline.plus(Duration.ofHours(72)), clearedAt));
    }

    private static List<Expected> alerts(String... caseIds) {
        var out = new ArrayList<Expected>();
        for (var caseId : caseIds) {
            system.warehouse().alerts().forCase(caseId).forEach(a -> out.add(Expected.of(a)));
        }
        return out;
    }

    /** Every SLA alert of the street (whatever case), so that an unexpected one shows. */
    private static List<Expected> alertsInStreet() {
        return system.warehouse().alerts().recent(10_000).stream()
                .filter(a -> a.area().street().equals(STREET) && a.kind().isSla())
                .map(Expected::of).collect(Collectors.toList());
    }

    private static void postBatch(List<String> events) throws Exception {
        var answer = api.post("/api/v1/events:batch", "[" + String.join(",", events) + "]");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as(answer.body()).contains("\"accepted\":" + events.size() + ",\"rejected\":0,\"retry\":0");
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within 60 s", what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse((local.length() == 16 ? local + ":00" : local) + "+08:00").toInstant();
    }

    private static String time(String local) {
        return (local.length() == 16 ? local + ":00" : local) + "+08:00";
    }

    private static String demand(String caseId, String grid, String local, String demandClass, String type) {
        return """
                {"eventId":"%s","kind":"demand.created","occurredAt":"%s","source":"terminal-0404","gridCode":"%s",\
                "caseId":"%s","channel":"visit","demandType":"%s","demandClass":"%s"}"""
                .formatted(Api.newEventId(), time(local), grid, caseId, type, demandClass);
    }

    private static String step(String caseId, String grid, String kind, String local) {
        return """
                {"eventId":"%s","kind":"%s","occurredAt":"%s","source":"terminal-0404","gridCode":"%s","caseId":"%s",\
                %s}""".formatted(Api.newEventId(), kind, time(local), grid, caseId, kind.equals("demand.assigned")
                ? "\"firstReceiver\":\"grid-worker-44\",\"leadUnit\":\"street-office-004\"" : "\"by\":\"grid-worker-44\"");
    }

    private static String visit(String grid, String local, String type) {
        return """
                {"eventId":"%s","kind":"visit","occurredAt":"%s","source":"terminal-0404","gridCode":"%s",\
                "visitorId":"w-44","householdId":"h-%s","visitType":"%s","durationMinutes":20,"groups":["elderly_alone"]}"""
                .formatted(Api.newEventId(), time(local), grid, Api.newEventId().substring(0, 8), type);
    }

    private static String ticket(String grid, String local, String ticketId) {
        return """
                {"eventId":"%s","kind":"ticket","occurredAt":"%s","source":"hall-4","gridCode":"%s",\
                "ticketId":"%s","hallId":"hall-4","stage":"issued","windowId":"w-2","oneVisit":true}"""
                .formatted(Api.newEventId(), time(local), grid, ticketId);
    }

    private static String detection(String grid, String local) {
        return """
                {"eventId":"%s","kind":"detection","occurredAt":"%s","source":"cam-44","gridCode":"%s",\
                "sensorId":"cam-44","sensorType":"video_ai","detectionType":"street_vending","confidence":0.9}"""
                .formatted(Api.newEventId(), time(local), grid);
    }

    private static String rating(String grid, String local, int stars, Integer transparency) {
        var dims = transparency == null ? "" : ",\"dimensions\":{\"transparency\":" + transparency + "}";
        return """
                {"eventId":"%s","kind":"feedback","occurredAt":"%s","source":"kiosk-44","gridCode":"%s",\
                "rating":%d%s,"channel":"qr_scan","target":{"type":"window","id":"w-2"}}"""
                .formatted(Api.newEventId(), time(local), grid, stars, dims);
    }
}
