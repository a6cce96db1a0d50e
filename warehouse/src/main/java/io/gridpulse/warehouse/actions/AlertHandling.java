package io.gridpulse.warehouse.actions;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where people stand with one alert, folded from its actions: who acknowledged it first and when, whom
 * it is assigned to now (the latest assignment), whether it was escalated, and how many of its actions
 * carried words (a comment, or the note given with an assignment or escalation).
 *
 * @param acknowledgedBy null while nobody has acknowledged it
 * @param assignee       null while unassigned
 */
public record AlertHandling(String alertId, String acknowledgedBy, Instant acknowledgedAt, String assignee,
                           boolean escalated, int comments) {

    public static AlertHandling none(String alertId) {
        return new AlertHandling(alertId, null, null, null, false, 0);
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    /** One handling per alert that has actions; the actions in the order they happened. */
    public static Map<String, AlertHandling> fold(List<AlertAction> actions) {
        var out = new HashMap<String, AlertHandling>();
        for (var a : actions) {
            var h = out.getOrDefault(a.alertId(), none(a.alertId()));
            boolean first = a.action().equals(AlertAction.ACKNOWLEDGE) && !h.acknowledged();
            out.put(a.alertId(), new AlertHandling(h.alertId(),
                    first ? a.actor() : h.acknowledgedBy(), first ? a.at() : h.acknowledgedAt(),
                    a.action().equals(AlertAction.ASSIGN) ? a.assignee() : h.assignee(),
                    h.escalated() || a.action().equals(AlertAction.ESCALATE),
                    h.comments() + (a.comment().isEmpty() ? 0 : 1)));
        }
        return out;
    }
}
