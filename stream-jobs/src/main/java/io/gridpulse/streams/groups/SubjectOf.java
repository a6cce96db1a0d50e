package io.gridpulse.streams.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds whom an event is about: a visit its household, a raised demand its resident (by pseudonym; an identified
 * resident is never used as a key), telemetry its device. Those go on to {@link GroupEnrichment}; every other event
 * goes to {@link #NAMES_NOBODY} untouched, so it is not held up by the enrichment.
 */
public final class SubjectOf extends ProcessFunction<EventRow, SubjectEvent> {
    /** Events that name no household, resident or device: on to the table as they are. */
    public static final OutputTag<EventRow> NAMES_NOBODY = new OutputTag<>("names-nobody") {};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void processElement(EventRow row, Context ctx, Collector<SubjectEvent> out) {
        subject(row).ifPresentOrElse(out::collect, () -> ctx.output(NAMES_NOBODY, row));
    }

    /** The subject of the event, empty when it names none. */
    static Optional<SubjectEvent> subject(EventRow row) {
        return switch (row.kind()) {
            case "visit", "demand.created", "telemetry" -> {
                var payload = parse(row.payload());
                if (payload == null) {
                    yield Optional.empty();
                }
                yield switch (row.kind()) {
                    case "visit" -> text(payload.get("householdId"))
                            .map(h -> new SubjectEvent(Subjects.household(h), texts(payload.get("groups")), row));
                    case "demand.created" -> text(payload.path("resident").get("ref"))
                            .map(r -> new SubjectEvent(Subjects.resident(r), List.of(), row));
                    default -> text(payload.get("deviceId")).map(d -> new SubjectEvent(Subjects.device(d), List.of(), row));
                };
            }
            default -> Optional.empty();
        };
    }

    private static JsonNode parse(String payload) {
        try {
            var node = JSON.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // decoded once already; a payload that does not parse here names nobody
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        var values = new ArrayList<String>(node.size());
        node.forEach(v -> text(v).ifPresent(values::add));
        return values;
    }
}
