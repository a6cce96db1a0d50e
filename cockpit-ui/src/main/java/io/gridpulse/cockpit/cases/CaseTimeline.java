package io.gridpulse.cockpit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.warehouse.EventRow;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.cases.CaseFile;
import io.gridpulse.warehouse.notify.DeliveryLog;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A case's story in the order it happened: its steps (who handled each), the ratings of it, the alerts
 * its SLA clocks raised and cleared, and what people did about those alerts. Built from a
 * {@link CaseFile}; the page translates the {@link Entry#what} keys and masks the details.
 */
public record CaseTimeline(List<Entry> entries) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line of the story.
     *
     * @param what   a translation key: {@code case.step.<step>}, {@code case.rated}, {@code case.alert.raised.<kind>},
     *               {@code case.alert.cleared.<kind>} or {@code case.action.<action>}
     * @param who    who did it (a worker, unit, user or device id); empty when the record does not say
     * @param detail the words that came with it (a note, reason, comment, the department or rating); may be empty
     * @param policy the SLA policy of an alert line; empty for other lines
     */
    public record Entry(Instant at, String what, String who, String detail, String policy) { }

    /** The story of a case, oldest first, departments by their codes; see {@link #of(CaseFile, boolean, UnaryOperator)}. */
    public static CaseTimeline of(CaseFile file, boolean withAlerts) {
        return of(file, withAlerts, UnaryOperator.identity());
    }

    /**
     * The story of a case, oldest first; alert lines and actions are left out for users who may not see
     * alerts; {@code departmentName} turns a department code ({@code civil_affairs}) into words for people.
     */
    public static CaseTimeline of(CaseFile file, boolean withAlerts, UnaryOperator<String> departmentName) {
        return of(file, withAlerts, departmentName, List.of());
    }

    /**
     * The story of a case with every attempt to deliver its alerts off-screen (webhooks, group robots, e-mail): who
     * was told, on which channel, and whether it reached them. Left out, as the alerts are, for users who may not see
     * alerts.
     */
    public static CaseTimeline of(CaseFile file, boolean withAlerts, UnaryOperator<String> departmentName,
                                  List<DeliveryLog.Attempt> deliveries) {
        var entries = new ArrayList<Entry>();
        for (var e : file.events()) {
            entries.add(step(e, departmentName));
        }
        if (withAlerts) {
            var alertsById = new java.util.HashMap<String, Alert>();
            for (var a : file.alerts()) {
                alertsById.put(a.alertId(), a);
                entries.add(new Entry(a.raisedAt(), "case.alert.raised." + a.kind().wireName(), "", a.detail(), a.policyId()));
                // a withdrawn alert (cleared the instant it was raised) is shown once, as raised and cleared
                if (a.clearedAt() != null) {
                    entries.add(new Entry(a.clearedAt(), "case.alert.cleared." + a.kind().wireName(), "", "", a.policyId()));
                }
            }
            for (var action : file.actions()) {
                var alert = Optional.ofNullable(alertsById.get(action.alertId()));
                entries.add(new Entry(action.at(), "case.action." + action.action(), action.actor(),
                        describe(action), alert.map(Alert::policyId).orElse("")));
            }
            for (var attempt : deliveries) {
                var alert = Optional.ofNullable(alertsById.get(attempt.alertId()));
                entries.add(new Entry(attempt.at(), "case.delivery." + attempt.outcome().wireName(),
                        attempt.channel() + " " + attempt.target(), attempt.error(), alert.map(Alert::policyId).orElse("")));
            }
        }
        // stable: same-instant lines keep the order above (the step, then what it raised, then what people did)
        entries.sort(Comparator.comparing(Entry::at));
        return new CaseTimeline(List.copyOf(entries));
    }

    private static String describe(AlertAction action) {
        return switch (action.action()) {
            case AlertAction.ASSIGN -> action.comment().isEmpty() ? "→ " + action.assignee()
                    : "→ " + action.assignee() + ": " + action.comment();
            default -> action.comment();
        };
    }

    private static Entry step(EventRow e, UnaryOperator<String> departmentName) {
        var payload = parse(e.payload());
        if (e.kind().equals("feedback")) {
            var rating = payload.path("rating");
            var text = payload.path("text").asText("");
            var score = rating.isNumber() ? rating.asInt() + "/5" : rating.asText("");
            return new Entry(e.occurredAt(), "case.rated", e.source(), text.isEmpty() ? score : score + " " + text, "");
        }
        var step = e.kind().startsWith("demand.") ? e.kind().substring("demand.".length()) : e.kind();
        var who = first(payload, "by", "firstReceiver");
        var detail = switch (step) {
            case "created" -> payload.path("description").asText("");
            case "classified" -> join(payload.path("demandType").asText(""), payload.path("demandClass").asText(""));
            case "assigned" -> join(payload.path("leadUnit").asText(""), payload.path("department").asText("").isEmpty() ? ""
                    : departmentName.apply(payload.path("department").asText()));
            case "escalated" -> join(payload.path("toLevel").asText(""), payload.path("reason").asText(""));
            case "reopened" -> payload.path("reason").asText("");
            case "whistle" -> join(String.join("、", texts(payload.path("departments"))), payload.path("reason").asText(""));
            default -> payload.path("note").asText("");
        };
        return new Entry(e.occurredAt(), "case.step." + step, who.isEmpty() ? e.source() : who, detail, "");
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload == null ? "{}" : payload);
        } catch (IOException e) {
            // a stored payload is JSON the ingest accepted; should one not be, the line still shows its step
            return JSON.createObjectNode();
        }
    }

    private static String first(JsonNode node, String... fields) {
        for (var f : fields) {
            var v = node.path(f).asText("");
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " · " + b;
    }

    /** The entries per translation-key family, for tests and summaries. */
    Map<String, Long> countByWhat() {
        return entries.stream().collect(java.util.stream.Collectors.groupingBy(Entry::what, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }
}
