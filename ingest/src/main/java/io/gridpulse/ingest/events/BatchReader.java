package io.gridpulse.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gridpulse.model.json.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code events:batch} body into its items without judging them: a JSON array, or NDJSON
 * with one event per line. Stops at the configured count, and names the item (its index, which for
 * NDJSON is the 0-based line) where the text stops being JSON.
 */
final class BatchReader {

    /** What the body holds. */
    sealed interface Read {
        /** The items, in order, at least one. */
        record Items(List<JsonNode> items) implements Read {}

        /** The body is not a readable batch; the pointer names the item or line. */
        record Malformed(Problem problem) implements Read {}

        /** The body holds more items than a batch may carry. */
        record TooMany(int max) implements Read {}
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads one item of an array in place; the rest of the array trails it. */
    private final ObjectReader itemReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxItems;

    BatchReader(int maxItems) {
        this.maxItems = maxItems;
    }

    Read jsonArray(byte[] body) {
        var items = new ArrayList<JsonNode>();
        var where = "";
        try (var parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return malformed("", "must be a JSON array of events (or NDJSON sent as application/x-ndjson)");
            }
            while (true) {
                where = "/" + items.size();
                var token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token == null) {
                    return malformed(where, "is missing: the array is not closed");
                }
                if (items.size() == maxItems) {
                    return new Read.TooMany(maxItems);
                }
                items.add(itemReader.readTree(parser));
            }
            where = "";
            if (parser.nextToken() != null) {
                return malformed("", "has content after the closing ] of the array");
            }
        } catch (JsonProcessingException e) {
            return malformed(where, "is not valid JSON: " + describe(e));
        } catch (IOException e) {
            // from a byte array only the bytes themselves can fail (e.g. an encoding the parser guessed)
            return malformed(where, "is not readable text: " + e.getMessage());
        }
        return items.isEmpty() ? malformed("", "must contain at least one event") : new Read.Items(items);
    }

    Read ndjson(byte[] body) {
        var lines = lines(body);
        if (lines.size() > maxItems) {
            return new Read.TooMany(maxItems);
        }
        var items = new ArrayList<JsonNode>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (isBlank(body, line[0], line[1])) {
                return malformed("/" + i, "(line " + (i + 1) + ") is blank; NDJSON carries one event on each line");
            }
            try {
                items.add(mapper.readTree(body, line[0], line[1] - line[0]));
            } catch (JsonProcessingException e) {
                return malformed("/" + i, "(line " + (i + 1) + ") is not valid JSON: " + describe(e));
            } catch (IOException e) {
                return malformed("/" + i, "(line " + (i + 1) + ") is not readable text: " + e.getMessage());
            }
        }
        return items.isEmpty() ? malformed("", "must contain at least one event") : new Read.Items(items);
    }

    /** The [start, end) of each line; a final newline does not start another line, a CR before LF is dropped. */
    private static List<int[]> lines(byte[] body) {
        var lines = new ArrayList<int[]>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (i == body.length && start == body.length && !lines.isEmpty()) {
                    break;
                }
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                lines.add(new int[] {start, end});
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonProcessingException e) {
        var message = e.getOriginalMessage();
        var first = message == null ? "unreadable input" : message.lines().findFirst().orElse(message);
        var location = e.getLocation();
        return location == null ? first : first + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Read malformed(String pointer, String reason) {
        return new Read.Malformed(new Problem(pointer, reason));
    }
}
