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
 * @param caseId   alerts about this case only
 */
public record AlertFilter(AreaCode area, String kind, String status, String severity, Instant since, Instant until,
                          String caseId) implements Predicate<AlertRow> {

    /** Every alert. */
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null, null, null, null);

    public AlertFilter {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    public AlertFilter inArea(AreaCode code) {
        return new AlertFilter(code, kind, status, severity, since, until, caseId);
    }

    public AlertFilter ofKind(String value) {
        return new AlertFilter(area, value, status, severity, since, until, caseId);
    }

    public AlertFilter withStatus(String value) {
        return new AlertFilter(area, kind, value, severity, since, until, caseId);
    }

    public AlertFilter ofSeverity(String value) {
        return new AlertFilter(area, kind, status, value, since, until, caseId);
    }

    /** Raised in {@code [from, to)}; either end may be null for an open end. */
    public AlertFilter raisedBetween(Instant from, Instant to) {
        return new AlertFilter(area, kind, status, severity, from, to, caseId);
    }

    public AlertFilter aboutCase(String value) {
        return new AlertFilter(area, kind, status, severity, since, until, value);
    }

    @Override
    public boolean test(AlertRow alert) {
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
