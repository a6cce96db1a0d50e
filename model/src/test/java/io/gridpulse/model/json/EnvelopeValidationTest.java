package io.gridpulse.model.json;

import static io.gridpulse.model.json.CodecFixture.event;
import static io.gridpulse.model.json.CodecFixture.onlyProblem;
import static io.gridpulse.model.json.CodecFixture.problems;
import static io.gridpulse.model.json.CodecFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.Samples;
import io.gridpulse.model.event.EventKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeValidationTest {

    private final ObjectNode doc = valid(EventKind.PLAQUE);

    @Test
    void eventIdIsRequired() {
        doc.remove("eventId");
        assertThat(onlyProblem(doc, "/eventId")).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "1234567", "has space in it", "semi;colon-123", "dots.are.not.ok",
            "醫保醫保醫保醫保醫保"})
    void malformedEventIdsAreRejected(String eventId) {
        doc.put("eventId", eventId);
        assertThat(onlyProblem(doc, "/eventId")).contains("8 to 64 characters");
    }

    @Test
    void eventIdsLongerThan64CharactersAreRejected() {
        doc.put("eventId", "e".repeat(65));
        assertThat(onlyProblem(doc, "/eventId")).isEqualTo("must be at most 64 characters, got 65");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d3c1a2e-5b4f-4c8e-9a1d-2f6e8b0c4a13", "01JD7W3J0Z8Q5N1K4M2P6R9T3V", "evt_0001",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void uuidsUlidsAndSimilarIdsPass(String eventId) {
        doc.put("eventId", eventId);
        assertThat(event(doc).eventId()).isEqualTo(eventId);
    }

    @Test
    void eventIdMustBeAString() {
        doc.put("eventId", 12345678901L);
        assertThat(onlyProblem(doc, "/eventId")).isEqualTo("must be a string");
    }

    @Test
    void occurredAtIsRequired() {
        doc.remove("occurredAt");
        assertThat(onlyProblem(doc, "/occurredAt")).isEqualTo("is required");
    }

    @Test
    void occurredAtWithoutOffsetIsRejected() {
        doc.put("occurredAt", "2026-11-23T09:30:00");
        assertThat(onlyProblem(doc, "/occurredAt"))
                .isEqualTo("has no offset; must be an ISO-8601 timestamp with offset, e.g. 2026-11-23T09:30:00+08:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-23", "2026-11-23 09:30:00+08:00", "2026-13-01T00:00:00+08:00",
            "2026-11-23T09:30:00+0800x", "1763861400", ""})
    void occurredAtThatIsNoTimestampIsRejected(String value) {
        doc.put("occurredAt", value);
        assertThat(onlyProblem(doc, "/occurredAt")).contains("must be an ISO-8601 timestamp with offset");
    }

    @Test
    void occurredAtAsANumberIsRejected() {
        doc.put("occurredAt", 1763861400000L);
        assertThat(onlyProblem(doc, "/occurredAt")).contains("ISO-8601");
    }

    @Test
    void occurredAtFarInTheFutureIsRejected() {
        doc.put("occurredAt", Samples.NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).toString());
        assertThat(onlyProblem(doc, "/occurredAt")).contains("5 minutes ahead of the server clock");
    }

    @Test
    void occurredAtSlightlyAheadWithinTheSkewIsAccepted() {
        doc.put("occurredAt", Samples.NOW.plus(Duration.ofMinutes(5)).toString());
        assertThat(event(doc).occurredAt()).isEqualTo(Samples.NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void occurredAtOlderThanTheMaximumAgeIsRejected() {
        doc.put("occurredAt", Samples.NOW.minus(Duration.ofDays(400)).minusSeconds(1).toString());
        assertThat(onlyProblem(doc, "/occurredAt")).contains("400 days in the past");
    }

    @Test
    void occurredAtExactlyAtTheMaximumAgeIsAccepted() {
        doc.put("occurredAt", Samples.NOW.minus(Duration.ofDays(400)).toString());
        assertThat(event(doc).occurredAt()).isEqualTo(Samples.NOW.minus(Duration.ofDays(400)));
    }

    @Test
    void sourceIsRequiredAndNotBlank() {
        doc.remove("source");
        assertThat(onlyProblem(doc, "/source")).isEqualTo("is required");
        doc.put("source", "  ");
        assertThat(onlyProblem(doc, "/source")).isEqualTo("must not be blank");
    }

    @Test
    void sourceIsAtMost128Characters() {
        doc.put("source", "t".repeat(128));
        assertThat(event(doc).source()).hasSize(128);
        doc.put("source", "t".repeat(129));
        assertThat(onlyProblem(doc, "/source")).isEqualTo("must be at most 128 characters, got 129");
    }

    @ParameterizedTest
    @ValueSource(strings = {"term\ninal", "term\tinal", "term\u0000inal", "term\u007final", "term\u0085inal"})
    void sourceWithControlCharactersIsRejected(String source) {
        doc.put("source", source);
        assertThat(onlyProblem(doc, "/source")).startsWith("must not contain control characters");
    }

    @Test
    void sourceMayBeChinese() {
        doc.put("source", "醴陵市 網格終端 42");
        assertThat(event(doc).source()).isEqualTo("醴陵市 網格終端 42");
    }

    @Test
    void kindIsRequired() {
        doc.remove("kind");
        assertThat(onlyProblem(doc, "/kind")).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demand", "Visit", "demand.deleted", ""})
    void unknownKindsAreRejectedWithTheListOfKinds(String kind) {
        doc.put("kind", kind);
        assertThat(onlyProblem(doc, "/kind")).startsWith("must be one of: visit, demand.created").contains("detection");
    }

    @Test
    void kindMustBeAString() {
        doc.put("kind", 3);
        assertThat(onlyProblem(doc, "/kind")).startsWith("must be one of:");
    }

    @Test
    void withAnUnknownKindTheKindSpecificMembersAreNotJudged() {
        doc.put("kind", "plaque.v2");
        doc.put("eventId", "x");
        assertThat(problems(doc)).extracting(Problem::pointer).containsExactly("/eventId", "/kind");
    }

    @Test
    void aGridCodeOrAPointIsRequired() {
        doc.remove("gridCode");
        assertThat(onlyProblem(doc, "/gridCode")).isEqualTo("is required unless a point is given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4302810010010", "43028100100100X", "abc", "430281-001"})
    void invalidGridCodesAreRejected(String code) {
        doc.put("gridCode", code);
        assertThat(onlyProblem(doc, "/gridCode")).contains("2, 4, 6, 9, 12 or 15 digits");
    }

    @Test
    void aGridCodeMustBeAStringNotANumber() {
        doc.put("gridCode", 430281001001001L);
        assertThat(onlyProblem(doc, "/gridCode")).isEqualTo("must be a string");
    }

    @Test
    void aGridCodeMayBeOfAnyLevel() {
        doc.put("gridCode", "430281001");
        assertThat(event(doc).gridCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("430281001"));
    }

    @Test
    void aPointAloneIsEnough() {
        doc.remove("gridCode");
        doc.putObject("point").put("lon", 113.49).put("lat", 27.65);
        assertThat(event(doc).point()).isPresent();
    }

    @Test
    void aGridCodeAndAPointMayComeTogether() {
        doc.putObject("point").put("lon", 113.49).put("lat", 27.65).put("crs", "BD-09");
        var event = event(doc);
        assertThat(event.gridCode()).isPresent();
        assertThat(event.point()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(doubles = {180.5, -180.5, 1e300})
    void longitudesOutsideTheGlobeAreRejected(double lon) {
        doc.putObject("point").put("lon", lon).put("lat", 27.65);
        assertThat(onlyProblem(doc, "/point/lon")).isEqualTo("must be between -180 and 180");
    }

    @ParameterizedTest
    @ValueSource(doubles = {90.01, -90.01})
    void latitudesOutsideTheGlobeAreRejected(double lat) {
        doc.putObject("point").put("lon", 113.0).put("lat", lat);
        assertThat(onlyProblem(doc, "/point/lat")).isEqualTo("must be between -90 and 90");
    }

    @Test
    void aHugeExponentIsNotAFiniteCoordinate() {
        doc.remove("gridCode");
        var json = doc.toString().replace("}", ",\"point\":{\"lon\":1e999,\"lat\":27.6}}");
        var problems = problems(CodecFixture.CODEC.decode(json));
        assertThat(problems).containsExactly(new Problem("/point/lon", "must be a finite number"));
    }

    @Test
    void coordinatesAsStringsAreRejected() {
        doc.putObject("point").put("lon", "113.49").put("lat", 27.65);
        assertThat(onlyProblem(doc, "/point/lon")).isEqualTo("must be a number");
    }

    @Test
    void aPointNeedsBothCoordinates() {
        doc.remove("gridCode");
        doc.putObject("point").put("lat", 27.65);
        assertThat(onlyProblem(doc, "/point/lon")).isEqualTo("is required");
    }

    @Test
    void anUnknownCrsIsRejectedWithTheListOfCrs() {
        doc.putObject("point").put("lon", 113.0).put("lat", 27.0).put("crs", "EPSG:4326");
        assertThat(onlyProblem(doc, "/point/crs")).isEqualTo("must be one of: WGS84, GCJ-02, BD-09, CGCS2000");
    }

    @Test
    void aPointMustBeAnObject() {
        doc.remove("gridCode");
        doc.putArray("point").add(113.0).add(27.0);
        assertThat(onlyProblem(doc, "/point")).isEqualTo("must be a JSON object");
    }

    @Test
    void aPointWithAnUnknownMemberIsRejected() {
        doc.putObject("point").put("lon", 113.0).put("lat", 27.0).put("alt", 50);
        assertThat(onlyProblem(doc, "/point/alt")).isEqualTo("unknown member");
    }

    @Test
    void schemaOneIsAccepted() {
        doc.put("schema", 1);
        assertThat(event(doc)).isNotNull();
    }

    @Test
    void anyOtherSchemaIsRejected() {
        doc.put("schema", 2);
        assertThat(onlyProblem(doc, "/schema")).startsWith("must be 1");
        doc.put("schema", "1");
        assertThat(onlyProblem(doc, "/schema")).startsWith("must be 1");
    }

    @Test
    void unknownMembersAreRejectedByName() {
        doc.put("colour", "red");
        doc.put("a/b~c", 1);
        assertThat(problems(doc)).containsExactly(new Problem("/colour", "unknown member"),
                new Problem("/a~1b~0c", "unknown member"));
    }

    @Test
    void aMemberOfAnotherKindIsUnknownHere() {
        doc.put("caseId", "case-1");
        assertThat(onlyProblem(doc, "/caseId")).isEqualTo("unknown member");
    }

    @Test
    void everyProblemIsReportedTogether() {
        doc.put("eventId", "bad id");
        doc.put("occurredAt", "2026-11-23T09:30:00");
        doc.remove("source");
        doc.put("gridCode", "123");
        doc.put("subjectType", "school");
        doc.remove("plaqueId");
        doc.put("extra", true);
        assertThat(problems(doc)).extracting(Problem::pointer).containsExactly(
                "/eventId", "/occurredAt", "/source", "/gridCode", "/plaqueId", "/subjectType", "/extra");
    }
}
