package io.gridpulse.model.alerts;

import io.gridpulse.model.event.WireNamed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an alert says: a stage of an SLA clock, or a condition of a device. The wire name is the one stored in the
 * alerts table, sent on {@code gp.alerts} and accepted by {@code kind=} in the API; a new kind is added here first.
 */
public enum AlertKind implements WireNamed {
    /** A clock reached its warning share of the limit (80 % by default): the case is due soon. */
    SLA_WARNING("sla_warning", Severity.WARNING),
    /** A clock reached its deadline. */
    SLA_BREACH("sla_breach", Severity.MAJOR),
    /** A breached clock went up the hierarchy: level 1 community, 2 street, 3 city. */
    SLA_ESCALATION("sla_escalation", Severity.CRITICAL),
    /** A clock could not start: its deadline lies beyond every calendar the system can compute. */
    SLA_UNSCHEDULED("sla_unscheduled", Severity.MAJOR),
    DEVICE_SOS("device_sos", Severity.CRITICAL),
    DEVICE_OFFLINE("device_offline", Severity.WARNING),
    DEVICE_LOW_BATTERY("device_low_battery", Severity.WARNING),
    DEVICE_HEART_RATE("device_heart_rate", Severity.MAJOR);

    private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(AlertKind::wireName).toList();

    private final String wireName;
    private final Severity severity;

    AlertKind(String wireName, Severity severity) {
        this.wireName = wireName;
        this.severity = severity;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The severity alerts of this kind are raised with. */
    public Severity severity() {
        return severity;
    }

    /** Whether this is a stage of an SLA clock (a case, a household's visits, a device repair, a plaque, a ticket). */
    public boolean isSla() {
        return wireName.startsWith("sla_");
    }

    /** Whether this is a condition of a device; the alert's case id is then the device id. */
    public boolean isDevice() {
        return wireName.startsWith("device_");
    }

    /** Whether the clock is past its deadline: a breach or an escalation. */
    public boolean isPastDue() {
        return this == SLA_BREACH || this == SLA_ESCALATION;
    }

    /** The kind with this wire name, if any. */
    public static Optional<AlertKind> fromWire(String name) {
        for (var kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind with this wire name; an {@link IllegalArgumentException} naming the kinds if there is none. */
    public static AlertKind of(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                "no alert kind \"" + name + "\"; the kinds are " + WIRE_NAMES));
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}
