package io.gridpulse.cockpit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.warehouse.cases.CaseFile;

import java.io.IOException;
import java.time.Instant;

/**
 * The head of a case's page, folded from its steps: when and where it was raised, its latest type and
 * class, the channel and the resident's words, and its latest step (closed unless reopened since).
 */
record CaseSummary(Instant createdAt, String gridCode, String streetCode, String demandType, String demandClass,
                   String channel, String description, String latestStep, boolean closed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CaseSummary of(CaseFile file) {
        Instant created = null;
        String grid = "", street = "", type = "", demandClass = "", channel = "", description = "", latest = "";
        boolean closed = false;
        for (var e : file.events()) {
            if (!e.kind().startsWith("demand.")) {
                continue;
            }
            var p = parse(e.payload());
            var step = e.kind().substring("demand.".length());
            if (step.equals("created") && created == null) {
                created = e.occurredAt();
                grid = e.gridCode();
                street = e.streetCode();
                channel = p.path("channel").asText("");
                description = p.path("description").asText("");
            }
            type = p.path("demandType").asText(type);
            demandClass = p.path("demandClass").asText(demandClass);
            closed = step.equals("closed") || closed && !step.equals("reopened");
            latest = step;
        }
        return new CaseSummary(created, grid, street, type, demandClass, channel, description, latest, closed);
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload == null ? "{}" : payload);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
