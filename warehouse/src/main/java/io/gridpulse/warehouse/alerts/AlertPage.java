package io.gridpulse.warehouse.alerts;

import io.gridpulse.model.alerts.Alert;

import java.util.List;

/**
 * One page of alerts, newest first, each in its latest state.
 *
 * @param items the alerts on this page
 * @param next  where the following page starts, or null when this page is the last
 */
public record AlertPage(List<Alert> items, AlertPosition next) {

    public AlertPage {
        items = List.copyOf(items);
    }

    /** Whether there are more alerts after this page. */
    public boolean hasMore() {
        return next != null;
    }
}
