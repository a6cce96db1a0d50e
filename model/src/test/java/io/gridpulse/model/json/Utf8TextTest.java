package io.gridpulse.model.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8TextTest {

    @Test
    void plainUtf8WithChineseIsAccepted() {
        assertThat(Utf8Text.problem("{\"description\":\"医保报销咨询\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void utf16IsRefusedWhetherOrNotItHasAByteOrderMark() {
        assertThat(Utf8Text.problem("{\"a\":1}".getBytes(StandardCharsets.UTF_16))).get().asString().contains("UTF-16");
        assertThat(Utf8Text.problem("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE))).get().asString().contains("zero byte");
    }

    @Test
    void aUtf8ByteOrderMarkIsRefused() {
        assertThat(Utf8Text.problem(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).get().asString()
                .contains("byte order mark");
    }

    @Test
    void malformedAndOverlongSequencesAreRefusedWithTheirOffset() {
        assertThat(Utf8Text.problem(new byte[]{'{', (byte) 0xC3, '}'})).get().asString().contains("offset 1");
        assertThat(Utf8Text.problem(new byte[]{'{', (byte) 0xC0, (byte) 0xAF, '}'})).get().asString().contains("offset 1");
        assertThat(Utf8Text.problem(new byte[]{'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'})).isPresent();
    }

    @Test
    void theCodecTurnsBadEncodingsIntoProblemsOfTheWholeDocumentNeverExceptions() {
        var codec = EventCodec.standard();
        for (var bytes : new byte[][]{{0x00, 0x7B, 0x00, 0x00}, "{\"a\":1}".getBytes(StandardCharsets.UTF_16),
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, {'{', (byte) 0xFF, '}'}}) {
            assertThat(codec.decode(bytes)).isInstanceOfSatisfying(Decoded.Invalid.class,
                    invalid -> assertThat(invalid.problems()).singleElement().extracting(Problem::pointer).isEqualTo(""));
        }
    }
}
