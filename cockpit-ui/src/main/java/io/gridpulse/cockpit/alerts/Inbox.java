package io.gridpulse.cockpit.alerts;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.actions.AlertHandling;
import io.gridpulse.warehouse.alerts.AlertStore;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.notify.DeliveryLog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The watcher's inbox as a screen service: what one signed-in user's inbox lists and counts, and what they do
 * about alerts, with the server's checks and the audit trail. The view only assembles components around it;
 * everything here runs without a browser, and is tested so.
 *
 * <p>Every listing and figure comes from {@link AlertStore} with the filter of an {@link InboxQuery}, whose area
 * and department were already narrowed to the user ({@link InboxQuery#read}); the header's count is
 * {@link #unhandled} of the same reader, so the badge and the inbox cannot disagree.
 */
public final class Inbox {
    /** The longest assignee name accepted (the dialog's limit, checked again here). */
    public static final int MAX_ASSIGNEE = 64;
    /** The longest comment or note accepted. */
    public static final int MAX_WORDS = 500;

    private final CockpitUser user;
    private final AlertStore alerts;
    private final AlertActions actions;
    private final AlertRights rights;
    private final AuditLog audit;
    private final Clock clock;
    private final DeliveryLog deliveries;

    public Inbox(CockpitUser user, AlertStore alerts, AlertActions actions, AlertRights rights, AuditLog audit, Clock clock,
                 DeliveryLog deliveries) {
        this.deliveries = deliveries;
        this.user = user;
        this.alerts = alerts;
        this.actions = actions;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
    }

    /** The inbox of the signed-in user over the cockpit's warehouse, audit log and clock. */
    public static Inbox of(CockpitContext context, CockpitUser user) {
        var warehouse = context.warehouse();
        return new Inbox(user, warehouse.alerts(), new AlertActions(warehouse), new AlertRights(warehouse), context.audit(),
                context.clock(), new DeliveryLog(warehouse));
    }

    public CockpitUser user() {
        return user;
    }

    /** Rows {@code offset} to {@code offset + limit} of what the query lists, in the order a watcher works them. */
    public List<Alert> page(InboxQuery query, int offset, int limit) {
        return alerts.worklist(query.filter(), offset, Math.min(limit, AlertStore.MAX_PAGE));
    }

    /** How many alerts the query lists. */
    public long count(InboxQuery query) {
        return alerts.count(query.filter());
    }

    /** Open alerts of the query's reader (area and department), whatever else it narrows to. */
    public long open(InboxQuery query) {
        return alerts.count(query.reader().withStatus(AlertStatus.OPEN));
    }

    /** Open alerts of the query's reader that nobody has acknowledged: the header's count for the same reader. */
    public long unhandled(InboxQuery query) {
        return alerts.count(query.reader().unhandled());
    }

    /** Where people stand with each of these alerts; an alert nobody touched is absent. */
    public Map<String, AlertHandling> handling(Collection<String> alertIds) {
        return actions.handling(alertIds);
    }

    /** Everything done about one alert, oldest first: its timeline of acknowledgements, assignments and comments. */
    public List<AlertAction> history(String alertId) {
        return actions.history(alertId);
    }

    /** Every attempt to deliver the alert to its subscribers off-screen (webhooks, group robots), oldest first. */
    public List<DeliveryLog.Attempt> deliveries(String alertId) {
        return deliveries.forAlert(alertId);
    }

    /** Whom the user's area gives alerts and cases to, most often first (at most {@code limit}). */
    public List<String> assignees(int limit) {
        return actions.assigneesWithin(user.scope(), limit);
    }

    /** What became of an action: recorded, or refused with the reason shown to the user. */
    public sealed interface Outcome {
        record Recorded(AlertAction action) implements Outcome {}

        /** @param messageKey the translation key of what the user is told */
        record Refused(String messageKey, String reason) implements Outcome {}
    }

    /**
     * Records an action on one alert after checking, here on the server whatever the browser sent: the lengths, the
     * permission, the alert's area and, for a department head, that the alert is about a case last assigned to
     * their department now. Refusals are audited as such.
     *
     * @param assignee for an assignment, whom to; else null
     * @param comment  words given with the action, or null
     */
    public Outcome act(Alert alert, String action, String assignee, String comment) {
        if (assignee != null && assignee.length() > MAX_ASSIGNEE || comment != null && comment.length() > MAX_WORDS) {
            audit.append(user.name(), "refused", action + " " + alert.alertId() + " (too long)");
            return new Outcome.Refused("alerts.action.too_long", "too long");
        }
        if (action.equals(AlertAction.ASSIGN) && (assignee == null || assignee.isBlank())) {
            return new Outcome.Refused("alerts.assignee.required", "no assignee");
        }
        if (action.equals(AlertAction.COMMENT) && (comment == null || comment.isBlank())) {
            return new Outcome.Refused("alerts.comment.required", "no comment");
        }
        var refusal = rights.refusal(user, alert);
        if (refusal.isPresent()) {
            audit.append(user.name(), "refused", action + " " + alert.alertId() + " (" + refusal.get() + ")");
            return new Outcome.Refused("alerts.acknowledge.refused", refusal.get());
        }
        var area = alert.area();
        var recorded = new AlertAction(UUID.randomUUID().toString(), alert.alertId(), action, user.name(), assignee,
                comment, clock.instant(), area.county(), area.street(), area.community(), area.grid());
        actions.record(recorded);
        audit.append(user.name(), action, alert.alertId() + (assignee == null ? "" : " -> " + assignee));
        return new Outcome.Recorded(recorded);
    }

    /**
     * Acknowledges each of these alerts that is open and not yet acknowledged, each checked as {@link #act} checks
     * one: the bulk action of a watcher clearing a flood. Returns what became of each alert it tried.
     */
    public List<Outcome> acknowledgeAll(List<Alert> selected) {
        var handled = handling(selected.stream().map(Alert::alertId).toList());
        var out = new ArrayList<Outcome>();
        for (var alert : selected) {
            var state = handled.get(alert.alertId());
            if (alert.isOpen() && (state == null || !state.acknowledged())) {
                out.add(act(alert, AlertAction.ACKNOWLEDGE, null, null));
            }
        }
        return out;
    }
}
