package io.gridpulse.warehouse;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Which alerts a reader wants; a null member places no constraint. The same rules decide in SQL
 * ({@link Warehouse#alerts}) and in memory ({@link #test}), so a listing and a live stream agree.
 *
 * @param area     an area of any level: a county, street, community or grid code matches the alert's
 *                 code at that level; a province or city code matches the counties inside it
 * @param kind     e.g. {@code sla_breach}
 * @param status   {@link AlertRow#OPEN} or {@link AlertRow#CLEARED}, judged on the alert's latest state
 * @param severity e.g. {@code major}
 * @param since    raised at or after this instant
 * @param until    raised before this instant
 * @param caseId     alerts about this case only
 * @param department alerts about the demand cases last assigned to this department ({@code civil_affairs} ...),
 *                   see {@link io.gridpulse.warehouse.cases.CaseDepartments}: an alert that is not about a demand
 *                   case (a device, a household's visit clock, a hall ticket, a plaque) belongs to no department and
 *                   is left out. Judged in the warehouse only, never by {@link #test}
 */
public record AlertFilter(AreaCode area, String kind, String status, String severity, Instant since, Instant until,
                          String caseId, String department) implements Predicate<AlertRow> {

    /** Every alert. */
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null, null, null, null, null);

    public AlertFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** Without a department: every alert of the other members, whoever it belongs to. */
    public AlertFilter(AreaCode area, String kind, String status, String severity, Instant since, Instant until,
                       String caseId) {
        this(area, kind, status, severity, since, until, caseId, null);
    }

    public AlertFilter inArea(AreaCode code) {
        return new AlertFilter(code, kind, status, severity, since, until, caseId, department);
    }

    public AlertFilter ofKind(String value) {
        return new AlertFilter(area, value, status, severity, since, until, caseId, department);
    }

    public AlertFilter withStatus(String value) {
        return new AlertFilter(area, kind, value, severity, since, until, caseId, department);
    }

    public AlertFilter ofSeverity(String value) {
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
    public boolean test(AlertRow alert) {
        if (department != null) {
            throw new IllegalStateException("an alert's department is judged in the warehouse, not on the row");
        }
        return (area == null || isInArea(alert))
                && (kind == null || kind.equals(alert.kind()))
                && (status == null || status.equals(alert.status()))
                && (severity == null || severity.equals(alert.severity()))
                && (since == null || !alert.raisedAt().isBefore(since))
                && (until == null || alert.raisedAt().isBefore(until))
                && (caseId == null || caseId.equals(alert.caseId()));
    }

    private boolean isInArea(AlertRow alert) {
        var code = area.value();
        return switch (area.level()) {
            case PROVINCE, CITY -> alert.countyCode().startsWith(code);
            case COUNTY -> alert.countyCode().equals(code);
            case STREET -> alert.streetCode().equals(code);
            case COMMUNITY -> alert.communityCode().equals(code);
            case GRID -> alert.gridCode().equals(code);
        };
    }
}
