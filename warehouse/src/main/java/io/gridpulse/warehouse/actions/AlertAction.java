package io.gridpulse.warehouse.actions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing a person did about an alert: acknowledged it, assigned it to someone, commented on it or
 * escalated it. {@code assignee} is set for assignments, {@code comment} may accompany any action.
 *
 * @param actionId a client-made id: the same action recorded twice is kept once
 * @param gridCode the alert's area (a grid, or a coarser code when the alert has no grid)
 */
public record AlertAction(String actionId, String alertId, String action, String actor, String assignee, String comment,
                          Instant at, String countyCode, String streetCode, String communityCode, String gridCode) {

    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String ASSIGN = "assign";
    public static final String COMMENT = "comment";
    public static final String ESCALATE = "escalate";
    public static final List<String> ACTIONS = List.of(ACKNOWLEDGE, ASSIGN, COMMENT, ESCALATE);

    public AlertAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ", got " + action);
        }
        if (ASSIGN.equals(action) && (assignee == null || assignee.isBlank())) {
            throw new IllegalArgumentException("an assignment needs an assignee");
        }
        assignee = assignee == null ? "" : assignee;
        comment = comment == null ? "" : comment;
        countyCode = countyCode == null ? "" : countyCode;
        streetCode = streetCode == null ? "" : streetCode;
        communityCode = communityCode == null ? "" : communityCode;
        gridCode = gridCode == null ? "" : gridCode;
    }
}
