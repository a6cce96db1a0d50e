package io.gridpulse.model.json;

import static io.gridpulse.model.json.CodecFixture.CODEC;
import static io.gridpulse.model.json.CodecFixture.event;
import static io.gridpulse.model.json.CodecFixture.problems;
import static io.gridpulse.model.json.CodecFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gridpulse.model.Samples;
import io.gridpulse.model.event.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"eventId\":}", "{'eventId':'x'}", "{\"a\":1,}", "not json", "{\"a\":NaN}",
            "{\"a\":1} {\"b\":2}", "{\"a\":1}]"})
    void invalidJsonIsOneProblemForTheWholeDocumentWithItsLocation(String json) {
        var problems = problems(CODEC.decode(json));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().pointer()).isEmpty();
        assertThat(problems.getFirst().reason()).startsWith("is not valid JSON: ").contains("line 1, column");
    }

    @Test
    void theLocationOfASyntaxErrorIsGiven() {
        var reason = problems(CODEC.decode("{\n  \"eventId\": \"abc\"\n  \"kind\": 1\n}")).getFirst().reason();
        assertThat(reason).contains("line 3, column");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]|an array", "\"visit\"|a string", "42|a number", "true|a boolean",
            "null|null"})
    void aDocumentThatIsNoObjectIsRejected(String json, String what) {
        assertThat(problems(CODEC.decode(json))).containsExactly(new Problem("", "must be a JSON object, got " + what));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyDocumentIsRejected(String json) {
        assertThat(problems(CODEC.decode(json))).containsExactly(
                new Problem("", "must be a JSON object, got an empty document"));
    }

    @Test
    void duplicateMembersAreRejectedAtTheirPointer() {
        var json = valid(EventKind.PLAQUE).toString().replace("{\"eventId\"", "{\"source\":\"other\",\"eventId\"");
        var problems = problems(CODEC.decode(json));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().pointer()).isEqualTo("/source");
        assertThat(problems.getFirst().reason()).startsWith("is a duplicate member");
    }

    @Test
    void duplicateMembersInsideANestedObjectAreRejected() {
        var doc = valid(EventKind.PLAQUE);
        doc.putObject("point").put("lon", 1.0).put("lat", 2.0);
        var json = doc.toString().replace("\"lat\":2.0", "\"lat\":2.0,\"lon\":3.0");
        var problems = problems(CODEC.decode(json));
        assertThat(problems).extracting(Problem::pointer).containsExactly("/point/lon");
    }

    @Test
    void aDocumentOverTheSizeLimitIsRejectedBeforeParsing() {
        var codec = new EventCodec(Samples.CLOCK, new Limits(2000, 100, Duration.ofMinutes(5), Duration.ofDays(400), 100));
        var json = "{\"eventId\":\"" + "x".repeat(200) + "\"}";
        assertThat(problems(codec.decode(json))).containsExactly(
                new Problem("", "must be at most 100 bytes, got " + json.length()));
    }

    @Test
    void theDefaultSizeLimitIs64KiB() {
        var doc = valid(EventKind.VISIT);
        var bytes = doc.toString().getBytes(StandardCharsets.UTF_8).length;
        doc.put("notes", "x".repeat(65 * 1024 - bytes));
        var problems = problems(CODEC.decode(doc.toString()));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().reason()).startsWith("must be at most 65536 bytes");
    }

    @Test
    void theSizeOfAStringDocumentIsCountedInUtf8Bytes() {
        var codec = new EventCodec(Samples.CLOCK, new Limits(2000, 30, Duration.ofMinutes(5), Duration.ofDays(400), 100));
        // 10 Chinese characters are 10 chars but 30 bytes
        assertThat(problems(codec.decode("{\"n\":\"" + "醫".repeat(10) + "\"}")).getFirst().reason())
                .startsWith("must be at most 30 bytes");
    }

    @Test
    void aDocumentOfOnlyUnknownMembersReportsEverythingMissing() {
        assertThat(problems(CODEC.decode("{\"hello\":\"world\"}"))).extracting(Problem::pointer)
                .containsExactly("/eventId", "/kind", "/occurredAt", "/source", "/gridCode");
    }

    @Test
    void anEmptyObjectReportsEveryRequiredCommonMember() {
        assertThat(problems(CODEC.decode("{}"))).containsExactly(
                new Problem("/eventId", "is required"),
                new Problem("/kind", "is required"),
                new Problem("/occurredAt", "is required"),
                new Problem("/source", "is required"),
                new Problem("/gridCode", "is required unless a point is given"));
    }

    @Test
    void aParsedBatchItemIsDecodedWithPointersRelativeToIt() {
        var item = valid(EventKind.DETECTION);
        item.put("confidence", "high");
        var problems = problems(CODEC.decode(item));
        assertThat(problems).containsExactly(new Problem("/confidence", "must be a number"));
        assertThat(problems.getFirst().under("/items/3")).isEqualTo(new Problem("/items/3/confidence", "must be a number"));
    }

    @Test
    void aParsedNodeThatIsNoObjectIsRejected() {
        assertThat(problems(CODEC.decode(JsonNodeFactory.instance.arrayNode())))
                .containsExactly(new Problem("", "must be a JSON object, got an array"));
    }

    @Test
    void decodingBytesAndStringsAgree() {
        var json = CODEC.encodeToString(Samples.visit());
        assertThat(event(CODEC.decode(json))).isEqualTo(event(CODEC.decode(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void pointerTokensAreEscapedAsRfc6901Says() {
        assertThat(Problem.escape("a/b~c")).isEqualTo("a~1b~0c");
        assertThat(Problem.escape("~1")).isEqualTo("~01");
    }

    @Test
    void anInvalidOutcomeAlwaysHasAProblem() {
        assertThatThrownBy(() -> new Decoded.Invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decoded.Valid(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultLimitsAreTheDocumentedOnes() {
        assertThat(Limits.defaults()).isEqualTo(new Limits(2000, 65536, Duration.ofMinutes(5), Duration.ofDays(400), 100));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new Limits(0, 1, Duration.ZERO, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits(1, 1, Duration.ofMinutes(-1), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
