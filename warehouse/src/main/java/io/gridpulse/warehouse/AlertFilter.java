package io.gridpulse.warehouse;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which alerts a reader wants; a null member places no constraint. The same rules decide in SQL
 * ({@link Warehouse#alerts}) and in memory ({@link #test}), so a listing and a live stream agree.
 *
 * @param area     an area of any level, matched as {@link io.gridpulse.model.area.AreaLineage#isIn} does
 * @param kind     e.g. {@link AlertKind#SLA_BREACH}
 * @param status   judged on the alert's latest state
 * @param severity e.g. {@link Severity#MAJOR}
 * @param since    raised at or after this instant
 * @param until    raised before this instant
 * @param caseId     alerts about this case only
 * @param department alerts about the demand cases last assigned to this department ({@code civil_affairs} ...),
 *                   see {@link io.gridpulse.warehouse.cases.CaseDepartments}: an alert that is not about a demand
 *                   case (a device, a household's visit clock, a hall ticket, a plaque) belongs to no department and
 *                   is left out. Judged in the warehouse only, never by {@link #test}
 */
public record AlertFilter(AreaCode area, AlertKind kind, AlertStatus status, Severity severity, Instant since,
                          Instant until, String caseId, String department) implements Predicate<Alert> {

    /** Every alert. */
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null, null, null, null, null);

    public AlertFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** Without a department: every alert of the other members, whoever it belongs to. */
    public AlertFilter(AreaCode area, AlertKind kind, AlertStatus status, Severity severity, Instant since, Instant until,
                       String caseId) {
        this(area, kind, status, severity, since, until, caseId, null);
    }

    public AlertFilter inArea(AreaCode code) {
        return new AlertFilter(code, kind, status, severity, since, until, caseId, department);
    }

    public AlertFilter ofKind(AlertKind value) {
        return new AlertFilter(area, value, status, severity, since, until, caseId, department);
    }

    public AlertFilter withStatus(AlertStatus value) {
        return new AlertFilter(area, kind, value, severity, since, until, caseId, department);
    }

    public AlertFilter ofSeverity(Severity value) {
        return new AlertFilter(area, kind, status, value, since, until, caseId, department);
    }

    /** Raised in {@code [from, to)}; either end may be null for an open end. */
    public AlertFilter raisedBetween(Instant from, Instant to) {
        return new AlertFilter(area, kind, status, severity, from, to, caseId, department);
    }

    public AlertFilter aboutCase(String value) {
        return new AlertFilter(area, kind, status, severity, since, until, value, department);
    }

    /** Only the alerts of the cases last assigned to this department (null or blank: no constraint). */
    public AlertFilter ofDepartment(String value) {
        return new AlertFilter(area, kind, status, severity, since, until, caseId, value);
    }

    /**
     * Whether the alert passes, judged on the row alone.
     *
     * @throws IllegalStateException when a department is set: a case's department is its latest assignment, an
     *                               event the alert row does not carry, so only {@link Warehouse#alerts} can judge it
     */
    @Override
    public boolean test(Alert alert) {
        if (department != null) {
            throw new IllegalStateException("an alert's department is judged in the warehouse, not on the row");
        }
        return (area == null || alert.area().isIn(area))
                && (kind == null || kind == alert.kind())
                && (status == null || status == alert.status())
                && (severity == null || severity == alert.severity())
                && (since == null || !alert.raisedAt().isBefore(since))
                && (until == null || alert.raisedAt().isBefore(until))
                && (caseId == null || caseId.equals(alert.caseId()));
    }
}
