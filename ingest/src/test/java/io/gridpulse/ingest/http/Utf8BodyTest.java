package io.gridpulse.ingest.http;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8BodyTest {

    @Test
    void textInEveryUtf8LengthIsAccepted() {
        assertThat(Utf8Body.problem(Buffer.buffer("{\"a\":\"é 中 😀 \\u0000\"}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void theFirstBadSequenceIsNamedByItsOffset() {
        assertThat(Utf8Body.problem(bytes('{', 0xC3, '}'))).hasValueSatisfying(r -> assertThat(r).contains("offset 1"));
        assertThat(Utf8Body.problem(bytes('a', 'b', 0xF0, 0x9F))).hasValueSatisfying(r -> assertThat(r).contains("cut off"));
        assertThat(Utf8Body.problem(bytes(0xF4, 0x90, 0x80, 0x80))).hasValueSatisfying(r -> assertThat(r).contains("out-of-range"));
        assertThat(Utf8Body.problem(bytes(0xE0, 0x80, 0xAF))).hasValueSatisfying(r -> assertThat(r).contains("overlong"));
        assertThat(Utf8Body.problem(bytes(0x80))).hasValueSatisfying(r -> assertThat(r).contains("0x80 at offset 0"));
    }

    @Test
    void byteOrderMarksAndZeroBytesAreRefusedWithTheirReason() {
        assertThat(Utf8Body.problem(bytes(0xEF, 0xBB, 0xBF, '{', '}'))).hasValueSatisfying(r -> assertThat(r).contains("byte order mark"));
        assertThat(Utf8Body.problem(bytes(0xFF, 0xFE, '{', 0))).hasValueSatisfying(r -> assertThat(r).contains("UTF-16"));
        assertThat(Utf8Body.problem(bytes('{', 0, '}', 0))).hasValueSatisfying(r -> assertThat(r).contains("zero byte at offset 1"));
    }

    @Test
    void pathsOutOfNormalFormAreNamed() {
        assertThat(CanonicalPaths.problem("/api/v1/events")).isNull();
        assertThat(CanonicalPaths.problem("/api/v1/events:batch")).isNull();
        assertThat(CanonicalPaths.problem("/api/v1/../v1/events")).contains("dot segment");
        assertThat(CanonicalPaths.problem("/api/v1/events/..")).contains("dot segment");
        assertThat(CanonicalPaths.problem("//api")).contains("empty segment");
        assertThat(CanonicalPaths.problem("/api%2Fv1")).contains("encoded");
        assertThat(CanonicalPaths.problem("/api\\v1")).contains("backslash");
    }

    private static Buffer bytes(int... values) {
        var buffer = Buffer.buffer();
        for (var v : values) {
            buffer.appendByte((byte) v);
        }
        return buffer;
    }
}
