package io.gridpulse.cockpit.security;

import io.gridpulse.warehouse.audit.AuditEntry;
import io.gridpulse.warehouse.audit.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Watches the audit log for access a person on duty does not need, as the household-plaque plan (000 §6) asks: many
 * exports in a short time, many different cases opened one after another (a list being copied out by hand), or one
 * case opened again and again (someone looking a resident up). Each is raised once per window as a security alert:
 * a {@code security_alert} row of the audit log (by {@code system}, naming the user and what they did), and a notice
 * for administrators beside the audit link on every page. Windows run on the rows' own times.
 */
public final class AccessWatch implements Consumer<AuditEntry> {
    /** Exports by one user within {@link #EXPORT_WINDOW} that make an alert. */
    public static final int EXPORTS = 6;
    public static final Duration EXPORT_WINDOW = Duration.ofHours(1);
    /** Different cases opened by one user within {@link #CASE_WINDOW}. */
    public static final int DISTINCT_CASES = 40;
    /** Openings of one case by one user within {@link #CASE_WINDOW}. */
    public static final int SAME_CASE = 12;
    public static final Duration CASE_WINDOW = Duration.ofMinutes(10);
    /** How long a raised alert is shown to administrators. */
    public static final Duration SHOWN_FOR = Duration.ofHours(24);
    public static final String ACTION = "security_alert";

    /** One alert: when, about whom, and what they did, in words for the audit log. */
    public record SecurityAlert(Instant at, String user, String what) {}

    private final AuditLog audit;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("access-watch").factory());
    private final Map<String, ArrayDeque<Instant>> exports = new HashMap<>();
    private final Map<String, ArrayDeque<Map.Entry<Instant, String>>> caseViews = new HashMap<>();
    /** The end of the window in which an alert of that user and kind was raised: not raised again before. */
    private final Map<String, Instant> quietUntil = new HashMap<>();
    private final ArrayDeque<SecurityAlert> raised = new ArrayDeque<>();

    /** Raises its alerts in {@code audit} without watching it: the rows are handed to {@link #accept} (tests do). */
    AccessWatch(AuditLog audit) {
        this.audit = audit;
    }

    /** Starts watching the log. */
    public static AccessWatch on(AuditLog audit) {
        var watch = new AccessWatch(audit);
        audit.watch(watch);
        return watch;
    }

    @Override
    public synchronized void accept(AuditEntry entry) {
        var user = entry.user();
        switch (entry.action()) {
            case "export" -> {
                var times = window(exports.computeIfAbsent(user, u -> new ArrayDeque<>()), entry.at(), EXPORT_WINDOW);
                times.add(entry.at());
                if (times.size() >= EXPORTS) {
                    raise(entry.at(), user, "exports", EXPORT_WINDOW, times.size() + " exports within "
                            + EXPORT_WINDOW.toMinutes() + " minutes, the last " + entry.target());
                }
            }
            case "view" -> {
                if (!entry.target().startsWith("case ")) {
                    return;
                }
                var views = caseViews.computeIfAbsent(user, u -> new ArrayDeque<>());
                while (!views.isEmpty() && views.peekFirst().getKey().isBefore(entry.at().minus(CASE_WINDOW))) {
                    views.pollFirst();
                }
                var caseId = entry.target().substring("case ".length());
                views.add(Map.entry(entry.at(), caseId));
                var distinct = views.stream().map(Map.Entry::getValue).distinct().count();
                var same = views.stream().filter(v -> v.getValue().equals(caseId)).count();
                if (distinct >= DISTINCT_CASES) {
                    raise(entry.at(), user, "cases", CASE_WINDOW, distinct + " different cases opened within "
                            + CASE_WINDOW.toMinutes() + " minutes");
                }
                if (same >= SAME_CASE) {
                    raise(entry.at(), user, "case " + caseId, CASE_WINDOW, "case " + caseId + " opened " + same
                            + " times within " + CASE_WINDOW.toMinutes() + " minutes");
                }
            }
            default -> { }
        }
    }

    /** The alerts raised within {@link #SHOWN_FOR} of {@code now}, newest first. */
    public synchronized List<SecurityAlert> recent(Instant now) {
        var out = new ArrayList<SecurityAlert>();
        raised.descendingIterator().forEachRemaining(a -> {
            if (!a.at().isBefore(now.minus(SHOWN_FOR))) {
                out.add(a);
            }
        });
        return out;
    }

    private void raise(Instant at, String user, String kind, Duration window, String what) {
        var key = user + "\u0000" + kind;
        var quiet = quietUntil.get(key);
        if (quiet != null && at.isBefore(quiet)) {
            return;
        }
        quietUntil.put(key, at.plus(window));
        raised.add(new SecurityAlert(at, user, what));
        while (raised.size() > 1_000) {
            raised.pollFirst();
        }
        // appended on its own thread: this runs while the log is held
        writer.execute(() -> audit.append("system", ACTION, user + ": " + what));
    }

    private static ArrayDeque<Instant> window(ArrayDeque<Instant> times, Instant now, Duration window) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.pollFirst();
        }
        return times;
    }
}
