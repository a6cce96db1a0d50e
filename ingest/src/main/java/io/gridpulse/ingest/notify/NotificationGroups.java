package io.gridpulse.ingest.notify;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a subscriber's notifications as Prometheus Alertmanager does, by group key (an alert kind in a street): the
 * first alert of a quiet group goes out at once, so a breach reaches its watcher in seconds; what follows within
 * the channel's interval waits and goes out together, one message listing only the alerts new since the group's last one,
 * with the group's count of firing alerts alongside; a group still firing after {@code repeat} is sent again, marked
 * as a reminder, with all its firing alerts. A flood of 50 SOS in one street is then two messages, not 50: a DingTalk
 * or WeCom robot takes 20 a minute and then refuses for ten. Not thread-safe: the dispatcher's poll thread owns it.
 * Times are a monotonic reading in nanoseconds (intervals, not dates).
 */
final class NotificationGroups {
    /**
     * The least pause between two messages of one group on a webhook: a machine receiver copes with volume, and the
     * breach that comes second in a street must not wait a minute.
     */
    static final Duration DEFAULT_WEBHOOK_INTERVAL = Duration.ofSeconds(1);
    /** The same for a group chat's robot, which takes 20 messages a minute and then refuses for ten, and for e-mail. */
    static final Duration DEFAULT_ROBOT_INTERVAL = Duration.ofSeconds(30);
    /** A group still firing this long is sent again as a reminder. */
    static final Duration DEFAULT_REPEAT = Duration.ofHours(4);

    /** An alert waiting to go out, with the log offset it came from (committed once it went out). */
    record Pending(Alert alert, long offset) {
    }

    /**
     * A message to send now.
     *
     * @param alerts      the alerts new since the group's last message (a reminder: every alert still firing)
     * @param offsets     the log offsets of those alerts, released when the message has been delivered or given up
     * @param firingTotal how many of the group's alerts are firing now
     */
    record Batch(Subscription subscription, String groupKey, List<Alert> alerts, boolean repeat, List<Long> offsets,
                 int firingTotal) {
        String status() {
            return alerts.stream().anyMatch(a -> a.status() != AlertStatus.CLEARED) ? "firing" : "resolved";
        }
    }

    private record Key(String subscriptionId, String groupKey) {
    }

    private static final class Group {
        Subscription subscription;
        long lastSent;
        boolean sentOnce;
        final List<Pending> pending = new ArrayList<>();
        final Map<String, Alert> firing = new LinkedHashMap<>();
    }

    private final long webhookInterval;
    private final long robotInterval;
    private final long repeat;
    private final Map<Key, Group> groups = new HashMap<>();

    NotificationGroups(Duration webhookInterval, Duration robotInterval, Duration repeat) {
        this.webhookInterval = webhookInterval.toNanos();
        this.robotInterval = robotInterval.toNanos();
        this.repeat = repeat.toNanos();
    }

    private long interval(Group group) {
        return group.subscription.channel() == Channel.WEBHOOK ? webhookInterval : robotInterval;
    }

    /** The group of an alert: its kind in its street (or its finest known area). */
    static String groupKey(Alert alert) {
        var street = alert.area().street().isEmpty() ? alert.area().finest() : alert.area().street();
        return alert.kind().wireName() + "/" + street;
    }

    /** Adds an alert a subscription wants; the batch to send now when its group sent nothing within the interval. */
    List<Batch> add(Subscription subscription, Alert alert, long offset, long now) {
        var group = groups.computeIfAbsent(new Key(subscription.id(), groupKey(alert)), k -> new Group());
        group.subscription = subscription;
        group.pending.add(new Pending(alert, offset));
        if (alert.status() == AlertStatus.CLEARED) {
            group.firing.remove(alert.alertId());
        } else {
            group.firing.put(alert.alertId(), alert);
        }
        if (!group.sentOnce || now - group.lastSent >= interval(group)) {
            return List.of(flush(group, groupKey(alert), now));
        }
        return List.of();
    }

    /** The batches due now: groups holding alerts past their interval, and reminders of groups firing past repeat. */
    List<Batch> due(long now) {
        var out = new ArrayList<Batch>();
        for (var entry : groups.entrySet()) {
            var group = entry.getValue();
            if (!group.pending.isEmpty() && now - group.lastSent >= interval(group)) {
                out.add(flush(group, entry.getKey().groupKey(), now));
            } else if (group.pending.isEmpty() && !group.firing.isEmpty() && now - group.lastSent >= repeat) {
                group.lastSent = now;
                out.add(new Batch(group.subscription, entry.getKey().groupKey(), List.copyOf(group.firing.values()), true,
                        List.of(), group.firing.size()));
            }
        }
        groups.values().removeIf(g -> g.pending.isEmpty() && g.firing.isEmpty() && now - g.lastSent >= interval(g));
        return out;
    }

    /** Forgets every group (the partition went to another dispatcher, which reads the uncommitted alerts again). */
    void clear() {
        groups.clear();
    }

    /** How many alerts wait in groups, for tests and metrics. */
    int waiting() {
        return groups.values().stream().mapToInt(g -> g.pending.size()).sum();
    }

    private Batch flush(Group group, String groupKey, long now) {
        var alerts = group.pending.stream().map(Pending::alert).toList();
        var offsets = group.pending.stream().map(Pending::offset).toList();
        group.pending.clear();
        group.lastSent = now;
        group.sentOnce = true;
        return new Batch(group.subscription, groupKey, alerts, false, offsets, group.firing.size());
    }
}
