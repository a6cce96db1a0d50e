package io.gridpulse.cockpit.alerts;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which urgent alerts are new to one screen since it last looked: the alerts a watcher must hear about wherever they
 * are in the cockpit (an SOS, a breach, an escalation). The first look only learns what is already open (a watcher who
 * opens the cockpit is not greeted by a toast per old breach); every later look returns the alerts it has not seen.
 * Not thread-safe: one per screen, called on its UI thread.
 */
public final class Arrivals {
    /** The kinds that reach a watcher on every page, with a toast, a sound and a desktop notification. */
    public static final Set<AlertKind> URGENT = Set.of(AlertKind.DEVICE_SOS, AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION);

    private Set<String> seen;

    /** The alerts of {@code open} (the urgent open alerts now, newest first) this screen has not seen yet. */
    public List<Alert> arrived(List<Alert> open) {
        var now = new HashSet<String>();
        open.forEach(a -> now.add(a.alertId()));
        if (seen == null) {
            seen = now;
            return List.of();
        }
        var fresh = open.stream().filter(a -> !seen.contains(a.alertId())).toList();
        // what left the list (cleared, or pushed out by newer ones) is forgotten, so the set stays the list's size
        seen = now;
        return fresh;
    }
}
