package io.gridpulse.ingest.alerts;

import io.gridpulse.warehouse.alerts.AlertPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AlertCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        var position = new AlertPosition(Instant.parse("2026-11-23T01:00:00.123Z"), "sla:case-9:p:1:breach 网格'");
        var token = AlertCursor.encode(position);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(AlertCursor.decode(token)).contains(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "MTox", "Mjo1OmFi", "MTotNTphYg", "MTo1Og", "MTphYmM6aWQ"})
    void anythingElseIsNotACursor(String token) {
        assertThat(AlertCursor.decode(token)).isEmpty();
    }

    @Test
    void aTokenOfInvalidUtf8OrControlCharactersOrFarFutureIsNotACursor() {
        var url = Base64.getUrlEncoder().withoutPadding();
        assertThat(AlertCursor.decode(url.encodeToString(new byte[] {'1', ':', '5', ':', (byte) 0xFF}))).isEmpty();
        assertThat(AlertCursor.decode(url.encodeToString("1:5:a\nb".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(AlertCursor.decode(url.encodeToString("1:999999999999999:a".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(AlertCursor.decode("A".repeat(2_000))).isEmpty();
    }
}
