package io.gridpulse.model.json;

import static io.gridpulse.model.json.CodecFixture.CODEC;
import static io.gridpulse.model.json.CodecFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.Samples;
import io.gridpulse.model.event.Crs;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.VisitType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecRoundTripTest {

    static Stream<Event> oneOfEachKind() {
        return Samples.oneOfEachKind().stream();
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void everyKindSurvivesARoundTripThroughBytes(Event event) {
        assertThat(event(CODEC.decode(CODEC.encode(event)))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void everyKindSurvivesARoundTripThroughATree(Event event) {
        assertThat(event(CODEC.decode(CODEC.toTree(event)))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void everyKindIsWrittenWithItsWireKind(Event event) {
        assertThat(CODEC.toTree(event).get("kind").asText()).isEqualTo(event.kind().wireName());
    }

    @Test
    void thousandsOfGeneratedEventsSurviveARoundTrip() {
        var generator = new Samples.Generator(20261123L);
        IntStream.range(0, 3000).forEach(i -> {
            var event = generator.next();
            var json = CODEC.encodeToString(event);
            assertThat(event(CODEC.decode(json))).as(json).isEqualTo(event);
        });
    }

    @Test
    void generatedEventsCoverEveryKind() {
        var generator = new Samples.Generator(7L);
        assertThat(IntStream.range(0, 500).mapToObj(i -> generator.next().kind()).distinct())
                .containsExactlyInAnyOrder(EventKind.values());
    }

    @Test
    void theWireFormatIsFlatCamelCaseWithLowerSnakeEnums() throws Exception {
        var json = CODEC.encodeToString(Samples.visit());
        var expected = """
                {"eventId":"01JD7W3J0Z8Q5N1K4M2P6R9T3V","kind":"visit","occurredAt":"2026-11-23T09:30:00+08:00",
                "source":"terminal-0042","gridCode":"430281001001001","visitorId":"gw-0042","householdId":"hh-7f3a91",
                "visitType":"routine","durationMinutes":25,"groups":["elderly_alone","hardship"],
                "demands":[{"type":"medical_insurance","description":"醫保報銷材料不全\\n需要代辦","demandClass":"coordinate",
                "caseId":"case-1"},{"type":"elderly_care"}],"notes":"老人獨居，身體尚可",
                "resident":{"idNumber":"11010519491231002X","phone":"13812345678"}}""".replace("\n", "");
        var mapper = new ObjectMapper();
        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree(expected));
        assertThat(json).startsWith("{\"eventId\":").doesNotContain("null");
    }

    @Test
    void aHandWrittenDemandFromATerminalDecodes() {
        var json = """
                {"schema":1,"eventId":"7d3c1a2e-5b4f-4c8e-9a1d-2f6e8b0c4a13","kind":"demand.created",
                 "occurredAt":"2026-11-23T09:30:00+08:00","source":"terminal-0042",
                 "point":{"lon":113.49,"lat":27.65,"crs":"GCJ-02"},
                 "caseId":"GD-2026-000123","channel":"hotline_12345","demandType":"medical_insurance",
                 "demandClass":"resolve_now","resident":{"phone":"+86 13812345678"}}""";
        var event = (DemandCreated) event(CODEC.decode(json));
        assertThat(event.eventId()).isEqualTo("7d3c1a2e-5b4f-4c8e-9a1d-2f6e8b0c4a13");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
        assertThat(event.envelope().offset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(event.point()).hasValueSatisfying(p -> {
            assertThat(p.lon()).isEqualTo(113.49);
            assertThat(p.crs()).isEqualTo(Crs.GCJ02);
        });
        assertThat(event.gridCode()).isEmpty();
        assertThat(event.resident()).isEqualTo(new ResidentRef.Identified(null, "+86 13812345678"));
    }

    @Test
    void aPseudonymisedResidentIsWrittenAsARefAndReadBackAsAPseudonym() {
        var pseudonym = new ResidentRef.Pseudonym("r_abcdefghijklmnopqrstuvwxyz");
        var event = Samples.visit().withResident(pseudonym);
        var tree = CODEC.toTree(event);
        assertThat(tree.get("resident").toString()).isEqualTo("{\"ref\":\"r_abcdefghijklmnopqrstuvwxyz\"}");
        assertThat(((HouseholdVisit) event(CODEC.decode(tree))).resident()).isEqualTo(pseudonym);
    }

    @Test
    void absentOptionalMembersAreLeftOutAndReadBackAsNull() {
        var visit = new HouseholdVisit(Samples.envelope(), "gw", "hh", VisitType.RETURN_VISIT, 0, null, null, null, null);
        var tree = CODEC.toTree(visit);
        assertThat(tree.has("groups")).isFalse();
        assertThat(tree.has("demands")).isFalse();
        assertThat(tree.has("notes")).isFalse();
        assertThat(tree.has("resident")).isFalse();
        assertThat(event(CODEC.decode(tree))).isEqualTo(visit);
    }

    @Test
    void explicitNullsForOptionalMembersAreReadAsAbsent() {
        var tree = CodecFixture.valid(EventKind.VISIT);
        tree.putNull("notes");
        tree.putNull("resident");
        tree.putNull("groups");
        var visit = (HouseholdVisit) event(tree);
        assertThat(visit.notes()).isNull();
        assertThat(visit.resident()).isNull();
        assertThat(visit.groups()).isEmpty();
    }

    @Test
    void ratingsAreNumbersOfStarsOrGoodAndBad() {
        var tree = CODEC.toTree(Samples.oneOfEachKind().get(EventKind.FEEDBACK.ordinal()));
        assertThat(tree.get("rating").intValue()).isEqualTo(4);
        assertThat(tree.get("dimensions").toString()).isEqualTo("{\"transparency\":5,\"efficiency\":\"bad\"}");
        tree.put("rating", "good");
        assertThat(((Feedback) event(tree)).rating()).isEqualTo(Rating.good());
    }

    @Test
    void aMissingCrsMeansWgs84() {
        var tree = CodecFixture.valid(EventKind.TELEMETRY);
        tree.withObject("point").remove("crs");
        assertThat(((Telemetry) event(tree)).point()).hasValueSatisfying(p -> assertThat(p.crs()).isEqualTo(Crs.WGS84));
    }

    @Test
    void aZuluTimeKeepsTheUtcOffset() {
        var tree = CodecFixture.valid(EventKind.TICKET);
        tree.put("occurredAt", "2026-11-23T01:30:00.123456789Z");
        var event = event(tree);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00.123456789Z"));
        assertThat(event.envelope().offset()).isEqualTo(ZoneOffset.UTC);
        assertThat(CODEC.toTree(event).get("occurredAt").asText()).isEqualTo("2026-11-23T01:30:00.123456789Z");
    }

    @Test
    void encodeToStringAndEncodeAgree() {
        var event = Samples.demandCreated();
        assertThat(CODEC.encodeToString(event)).isEqualTo(new String(CODEC.encode(event), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theCodecCanBeSharedBetweenThreads() {
        var events = Samples.oneOfEachKind();
        IntStream.range(0, 2000).parallel().forEach(i -> {
            var event = events.get(i % events.size());
            assertThat(event(CODEC.decode(CODEC.encode(event)))).isEqualTo(event);
        });
    }

    @Test
    void theStandardCodecUsesTheDefaultLimits() {
        assertThat(EventCodec.standard().limits()).isEqualTo(Limits.defaults());
    }
}
