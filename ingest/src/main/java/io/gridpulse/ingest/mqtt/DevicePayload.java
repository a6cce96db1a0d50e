package io.gridpulse.ingest.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.json.Utf8Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a device's message into a telemetry event. The payload is the event JSON the HTTP edge
 * takes; what the topic already says may be left out: {@code kind} (telemetry), {@code deviceId}
 * and {@code source} (the topic's device) and, on the SOS topic, {@code sos} (true). What is sent
 * must agree with the topic. Every other rule is the event codec's.
 */
final class DevicePayload {
    private final EventCodec codec;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    DevicePayload(EventCodec codec) {
        this.codec = codec;
    }

    Decoded decode(DeviceTopic topic, byte[] payload) {
        int max = codec.limits().maxDocumentBytes();
        if (payload.length == 0) {
            return invalid("", "is empty; send the reading as a JSON object");
        }
        if (payload.length > max) {
            return invalid("", "must be at most " + max + " bytes, got " + payload.length);
        }
        var encoding = Utf8Text.problem(payload);
        if (encoding.isPresent()) {
            return invalid("", encoding.get());
        }
        ObjectNode event;
        try {
            if (!(mapper.readTree(payload) instanceof ObjectNode object)) {
                return invalid("", "must be a JSON object");
            }
            event = object;
        } catch (JsonProcessingException e) {
            var at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return invalid("", "is not valid JSON" + at + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalid("", "could not be read as JSON text: " + e.getMessage());
        }
        var problems = new ArrayList<Problem>();
        implied(event, "kind", "telemetry", "must be telemetry on a device topic (or left out)", problems);
        implied(event, "deviceId", topic.deviceId(), "must be the topic's device, " + topic.deviceId() + " (or left out)", problems);
        // a device speaks only for itself: the source is the logged-in device as well
        implied(event, "source", topic.deviceId(), "must be the topic's device, " + topic.deviceId() + " (or left out)", problems);
        if (topic.channel() == DeviceTopic.Channel.SOS) {
            var sos = event.get("sos");
            if (sos == null) {
                event.put("sos", true);
            } else if (!sos.isBoolean() || !sos.booleanValue()) {
                problems.add(new Problem("/sos", "must be true (or left out) on the sos topic, got " + sos));
            }
        }
        return problems.isEmpty() ? codec.decode(event) : new Decoded.Invalid(problems);
    }

    private static void implied(ObjectNode event, String member, String value, String rule, List<Problem> problems) {
        var sent = event.get(member);
        if (sent == null) {
            event.put(member, value);
        } else if (!sent.isTextual() || !sent.textValue().equals(value)) {
            problems.add(new Problem("/" + member, rule + ", got " + sent));
        }
    }

    private static Decoded invalid(String pointer, String reason) {
        return new Decoded.Invalid(List.of(new Problem(pointer, reason)));
    }
}
