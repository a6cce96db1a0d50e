package io.gridpulse.ingest.alerts;

import io.gridpulse.warehouse.alerts.AlertPosition;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The paging cursor of {@code GET /api/v1/alerts}: the last alert of a page, as an opaque base64url
 * token. Clients only hand it back; its inside ({@code 1:<epoch millis>:<alertId>}) may change.
 */
final class AlertCursor {
    private static final String VERSION = "1";
    private static final int MAX_TOKEN = 1_024;
    private static final long MAX_EPOCH_MILLI = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();

    private AlertCursor() {}

    static String encode(AlertPosition position) {
        var text = VERSION + ":" + position.raisedAt().toEpochMilli() + ":" + position.alertId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token this API gave out, or empty for anything else. */
    static Optional<AlertPosition> decode(String token) {
        if (token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(token);
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            var parts = text.split(":", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("[0-9]{1,15}") || parts[2].isEmpty()) {
                return Optional.empty();
            }
            long millis = Long.parseLong(parts[1]);
            if (millis >= MAX_EPOCH_MILLI || parts[2].chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            return Optional.of(new AlertPosition(Instant.ofEpochMilli(millis), parts[2]));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
