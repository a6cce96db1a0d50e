package io.gridpulse.ingest.events;

import io.gridpulse.geo.crs.Coordinates;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.privacy.Pseudonymiser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventAdmissionTest {
    /** The events below happened on 2026-11-20; judged a day later, whatever day the suite runs. */
    private static final EventCodec CODEC = new EventCodec(
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-21T02:00:00Z"), java.time.ZoneOffset.UTC),
            io.gridpulse.model.json.Limits.defaults());
    private static final Region REGION = Region.demo();
    private final EventAdmission admission = new EventAdmission(REGION,
            new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    private final KeyGrant anyKey = KeyGrant.unrestricted("any");
    private final KeyGrant streetVisits = new KeyGrant("street-1", EnumSet.of(Right.WRITE),
            List.of(AreaCode.of("439901001")), Set.of(EventKind.VISIT), 10, 10);

    private static Event visit(String placement) {
        var json = """
                {"eventId":"%s","kind":"visit","occurredAt":"2026-11-20T10:00:00+08:00","source":"t-1",%s,
                 "visitorId":"w-7","householdId":"h-42","visitType":"routine","durationMinutes":25}""".formatted(UUID.randomUUID(), placement);
        return switch (CODEC.decode(json.getBytes(StandardCharsets.UTF_8))) {
            case Decoded.Valid(var e) -> e;
            case Decoded.Invalid(var problems) -> throw new AssertionError(problems.toString());
        };
    }

    private static String pointOf(double lon, double lat, String crs) {
        return "\"point\":{\"lon\":%s,\"lat\":%s,\"crs\":\"%s\"}".formatted(lon, lat, crs);
    }

    /** A point well inside a grid of the demo region, in WGS84. */
    private static double[] insideGrid(String grid) {
        var c = REGION.geometry(AreaCode.of(grid)).orElseThrow().getInteriorPoint().getCoordinate();
        return new double[] {c.x, c.y};
    }

    @Test
    void aKnownGridIsAdmittedAndPseudonymised() {
        var verdict = admission.judge(visit("\"gridCode\":\"439901001001001\""), anyKey);
        assertThat(verdict).isInstanceOf(EventAdmission.Verdict.Admit.class);
    }

    @Test
    void aGridTheRegionDoesNotHaveIsRefusedNamingGridCode() {
        var verdict = admission.judge(visit("\"gridCode\":\"439901099001001\""), anyKey);
        assertThat(verdict).isEqualTo(refusal(400, "/gridCode", verdict));
    }

    @Test
    void aGcj02PointInsideTheRegionIsAdmittedAfterConversion() {
        var wgs = insideGrid("439901001001001");
        var gcj = Coordinates.wgs84ToGcj02(wgs[0], wgs[1]);
        var verdict = admission.judge(visit(pointOf(gcj.lon(), gcj.lat(), Crs.GCJ02.wireName())), streetVisits);
        assertThat(verdict).isInstanceOf(EventAdmission.Verdict.Admit.class);
    }

    @Test
    void aPointOutsideTheRegionIsRefusedNamingPoint() {
        var verdict = admission.judge(visit(pointOf(116.397, 39.909, "WGS84")), anyKey);
        assertThat(verdict).isEqualTo(refusal(400, "/point", verdict));
    }

    @Test
    void aKindTheKeyMayNotSendIsForbiddenNamingKind() {
        var demand = """
                {"eventId":"%s","kind":"demand.created","occurredAt":"2026-11-20T10:00:00+08:00","source":"t-1",
                 "gridCode":"439901001001001","caseId":"c-1","channel":"visit","demandType":"medical_insurance"}"""
                .formatted(UUID.randomUUID());
        var event = ((Decoded.Valid) CODEC.decode(demand.getBytes(StandardCharsets.UTF_8))).event();
        var verdict = admission.judge(event, streetVisits);
        assertThat(verdict).isEqualTo(refusal(403, "/kind", verdict));
    }

    @Test
    void aGridOutsideTheKeysAreasIsForbidden() {
        var verdict = admission.judge(visit("\"gridCode\":\"439901002001001\""), streetVisits);
        assertThat(verdict).isEqualTo(refusal(403, "/gridCode", verdict));
    }

    @Test
    void aPointOutsideTheKeysAreasIsForbiddenNamingPoint() {
        var wgs = insideGrid("439901002001001");
        var verdict = admission.judge(visit(pointOf(wgs[0], wgs[1], "WGS84")), streetVisits);
        assertThat(verdict).isEqualTo(refusal(403, "/point", verdict));
    }

    /** The verdict if it is a refusal with this status naming this pointer, else a marker that fails the comparison. */
    private static Object refusal(int status, String pointer, EventAdmission.Verdict verdict) {
        if (verdict instanceof EventAdmission.Verdict.Refuse r && r.status() == status
                && r.problems().stream().anyMatch(p -> p.pointer().equals(pointer))) {
            return verdict;
        }
        return "a refusal " + status + " naming " + pointer;
    }
}
