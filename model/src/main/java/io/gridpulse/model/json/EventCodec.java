package io.gridpulse.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes events in the GridPulse wire format, validating strictly: every problem in a
 * document is reported with a JSON Pointer, and unknown members are rejected. Thread-safe and
 * reusable.
 */
public final class EventCodec {

    private final JsonMapper mapper;
    private final EventDecoder decoder;
    private final Limits limits;

    /** A codec that judges event times against this clock and enforces these limits. */
    public EventCodec(Clock clock, Limits limits) {
        Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.decoder = new EventDecoder(clock, limits);
    }

    /** A codec on the system UTC clock with {@link Limits#defaults()}. */
    public static EventCodec standard() {
        return new EventCodec(Clock.systemUTC(), Limits.defaults());
    }

    /** The limits this codec enforces. */
    public Limits limits() {
        return limits;
    }

    /** Decodes a UTF-8 JSON document. */
    public Decoded decode(byte[] json) {
        return decode(json, null, java.util.Map.of());
    }

    /**
     * Decodes a document sent to a route of one kind (e.g. {@code POST /api/v1/visits}): {@code kind}
     * and the members named by the route's path (e.g. {@code caseId}) may be left out of the body and
     * are filled in; when the body gives them, they must agree with the route.
     */
    public Decoded decodeAs(byte[] json, EventKind kind, java.util.Map<String, String> fromPath) {
        return decode(json, Objects.requireNonNull(kind, "kind"), fromPath);
    }

    private Decoded decode(byte[] json, EventKind kind, java.util.Map<String, String> fromPath) {
        Objects.requireNonNull(json, "json");
        if (json.length > limits.maxDocumentBytes()) {
            return invalid("", "must be at most " + limits.maxDocumentBytes() + " bytes, got " + json.length);
        }
        var encoding = Utf8Text.problem(json);
        if (encoding.isPresent()) {
            return invalid("", encoding.get());
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return syntaxProblem(e);
        } catch (IOException e) {
            // a byte array cannot fail to read; what reaches here is undecodable text
            return invalid("", "could not be read as JSON text: " + e.getMessage());
        }
        if (kind != null && tree instanceof ObjectNode object) {
            var route = new java.util.LinkedHashMap<String, String>();
            route.put("kind", kind.wireName());
            route.putAll(fromPath);
            for (var member : route.entrySet()) {
                var given = object.get(member.getKey());
                if (given == null) {
                    object.put(member.getKey(), member.getValue());
                } else if (!given.isTextual() || !given.textValue().equals(member.getValue())) {
                    return invalid("/" + Problem.escape(member.getKey()), "must be " + member.getValue()
                            + " on this route, or left out; send other events to /api/v1/events");
                }
            }
        }
        return decoder.decode(tree);
    }

    /** Decodes a JSON document given as a string. */
    public Decoded decode(String json) {
        return decode(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes an already parsed node, e.g. one item of a batch; pointers are relative to the node
     * (see {@link Problem#under(String)}). The document size limit does not apply here.
     */
    public Decoded decode(JsonNode node) {
        return decoder.decode(node);
    }

    /** The event as UTF-8 JSON. */
    public byte[] encode(Event event) {
        try {
            return mapper.writeValueAsBytes(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The event as a JSON string. */
    public String encodeToString(Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** The event as a JSON tree. */
    public ObjectNode toTree(Event event) {
        return EventEncoder.encode(Objects.requireNonNull(event, "event"));
    }

    private static Decoded syntaxProblem(JsonProcessingException e) {
        var location = e.getLocation();
        var where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        var message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate") && e.getProcessor() instanceof JsonParser parser) {
            var context = parser.getParsingContext();
            var pointer = context == null ? "" : context.pathAsPointer().toString();
            return invalid(pointer, "is a duplicate member; each member may appear once" + where);
        }
        return invalid("", "is not valid JSON: " + firstLine(message) + where);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Decoded invalid(String pointer, String reason) {
        return new Decoded.Invalid(List.of(new Problem(pointer, reason)));
    }
}
