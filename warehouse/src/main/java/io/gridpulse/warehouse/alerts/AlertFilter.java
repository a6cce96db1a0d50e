package io.gridpulse.warehouse.alerts;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which alerts a reader wants; a null or empty member places no constraint. The same rules decide in SQL
 * ({@link AlertStore}) and in memory ({@link #test}), so a listing, a count and a live stream agree.
 *
 * @param area         an area of any level, matched as {@link io.gridpulse.model.area.AreaLineage#isIn} does
 * @param kinds        any of these kinds, e.g. {@link AlertKind#SLA_BREACH}; empty for every kind
 * @param status       judged on the alert's latest state
 * @param severities   any of these severities; empty for every severity
 * @param since        raised at or after this instant
 * @param until        raised before this instant
 * @param caseId       alerts about this case only
 * @param department   alerts about the demand cases last assigned to this department ({@code civil_affairs} ...),
 *                     see {@link io.gridpulse.warehouse.cases.CaseDepartments}: an alert that is not about a demand
 *                     case (a device, a household's visit clock, a hall ticket, a plaque) belongs to no department and
 *                     is left out. Judged in the warehouse only, never by {@link #test}
 * @param text         words the alert's case (or device, household ...), policy or detail contains, ignoring case
 * @param acknowledged whether someone has acknowledged the alert (true), or nobody has (false); judged in the
 *                     warehouse only, on the alert actions
 */
public record AlertFilter(AreaCode area, Set<AlertKind> kinds, AlertStatus status, Set<Severity> severities,
                          Instant since, Instant until, String caseId, String department, String text,
                          Boolean acknowledged) implements Predicate<Alert> {

    /** Every alert. */
    public static final AlertFilter ANY = new AlertFilter(null, Set.of(), null, Set.of(), null, null, null, null, null, null);

    public AlertFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        department = blankToNull(department);
        text = blankToNull(text);
        caseId = blankToNull(caseId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public AlertFilter inArea(AreaCode code) {
        return new AlertFilter(code, kinds, status, severities, since, until, caseId, department, text, acknowledged);
    }

    /** Alerts of this kind only; null for every kind. */
    public AlertFilter ofKind(AlertKind value) {
        return ofKinds(value == null ? Set.of() : Set.of(value));
    }

    public AlertFilter ofKinds(Collection<AlertKind> values) {
        return new AlertFilter(area, values == null ? Set.of() : Set.copyOf(values), status, severities, since, until, caseId,
                department, text, acknowledged);
    }

    public AlertFilter withStatus(AlertStatus value) {
        return new AlertFilter(area, kinds, value, severities, since, until, caseId, department, text, acknowledged);
    }

    /** Alerts of this severity only; null for every severity. */
    public AlertFilter ofSeverity(Severity value) {
        return ofSeverities(value == null ? Set.of() : Set.of(value));
    }

    public AlertFilter ofSeverities(Collection<Severity> values) {
        return new AlertFilter(area, kinds, status, values == null ? Set.of() : Set.copyOf(values), since, until, caseId,
                department, text, acknowledged);
    }

    /** Raised in {@code [from, to)}; either end may be null for an open end. */
    public AlertFilter raisedBetween(Instant from, Instant to) {
        return new AlertFilter(area, kinds, status, severities, from, to, caseId, department, text, acknowledged);
    }

    public AlertFilter aboutCase(String value) {
        return new AlertFilter(area, kinds, status, severities, since, until, value, department, text, acknowledged);
    }

    /** Only the alerts of the cases last assigned to this department (null or blank: no constraint). */
    public AlertFilter ofDepartment(String value) {
        return new AlertFilter(area, kinds, status, severities, since, until, caseId, value, text, acknowledged);
    }

    /** Only the alerts whose case, policy or detail contains these words, ignoring case (null or blank: any). */
    public AlertFilter containing(String value) {
        return new AlertFilter(area, kinds, status, severities, since, until, caseId, department, value, acknowledged);
    }

    /** Only the alerts someone acknowledged (true), or nobody did (false); null for both. */
    public AlertFilter acknowledged(Boolean value) {
        return new AlertFilter(area, kinds, status, severities, since, until, caseId, department, text, value);
    }

    /** Open alerts nobody has acknowledged yet: what the header's count and the inbox's "unhandled" figure count. */
    public AlertFilter unhandled() {
        return withStatus(AlertStatus.OPEN).acknowledged(false);
    }

    /**
     * Whether the alert passes, judged on the row alone.
     *
     * @throws IllegalStateException when a department or an acknowledgement is asked for: those are judged on other
     *                               tables (the case's latest assignment, the alert actions), so only
     *                               {@link AlertStore} can
     */
    @Override
    public boolean test(Alert alert) {
        if (department != null || acknowledged != null) {
            throw new IllegalStateException("an alert's department and acknowledgement are judged in the warehouse, not on the row");
        }
        return (area == null || alert.area().isIn(area))
                && (kinds.isEmpty() || kinds.contains(alert.kind()))
                && (status == null || status == alert.status())
                && (severities.isEmpty() || severities.contains(alert.severity()))
                && (since == null || !alert.raisedAt().isBefore(since))
                && (until == null || alert.raisedAt().isBefore(until))
                && (caseId == null || caseId.equals(alert.caseId()))
                && (text == null || contains(alert.caseId(), text) || contains(alert.policyId(), text)
                        || contains(alert.detail(), text));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
