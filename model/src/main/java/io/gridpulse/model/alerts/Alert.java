package io.gridpulse.model.alerts;

import io.gridpulse.model.area.AreaLineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert in one of its states: what the stream jobs raise and clear, what the alerts table keeps (the newest
 * {@link #version} of each {@link #alertId}), what {@code gp.alerts}, the API and the screens carry.
 *
 * @param alertId   stable: the same alert always has the same id, so a replay rewrites it instead of adding one
 * @param kind      what it says
 * @param severity  how urgent it is; by default its kind's {@link AlertKind#severity()}
 * @param status    open, or cleared once the case (or device) moved on
 * @param caseId    the case it is about; for device alerts the device, for visit clocks the household
 * @param policyId  the SLA policy whose clock fired; for device alerts the rule ({@code device.sos} ...)
 * @param level     escalation level: 0 for everything but escalations; 1 community, 2 street, 3 city
 * @param deadline  the clock's deadline; null where there is none (a device condition, an unscheduled clock)
 * @param raisedAt  when it fired (event time: the instant its rule became true)
 * @param clearedAt when it was cleared; null while open. Equal to {@code raisedAt} for a stage withdrawn because the
 *                  case moved on before it was due
 * @param area      where the case (or device) is
 * @param detail    a sentence for people
 * @param version   higher wins: later states of the same alert replace earlier ones
 */
public record Alert(String alertId, AlertKind kind, Severity severity, AlertStatus status, String caseId, String policyId,
                    int level, Instant deadline, Instant raisedAt, Instant clearedAt, AreaLineage area, String detail,
                    long version) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(raisedAt, "raisedAt");
        caseId = caseId == null ? "" : caseId;
        policyId = policyId == null ? "" : policyId;
        area = area == null ? AreaLineage.UNKNOWN : area;
        detail = detail == null ? "" : detail;
    }

    /** An open alert of this kind, version 1, with its kind's severity; the builder sets the rest. */
    public static Builder raise(String alertId, AlertKind kind) {
        return new Builder(alertId, kind);
    }

    /**
     * The prefixes of the policies whose alerts name a household, device, plaque or hall ticket in {@code caseId}, not
     * a demand case.
     */
    public static final List<String> NOT_CASE_POLICIES = List.of("visit.", "device.", "plaque.", "hall.");

    public boolean isOpen() {
        return status == AlertStatus.OPEN;
    }

    /** Whether {@link #caseId} names a demand case: one a case page shows and a department can own. */
    public boolean isAboutDemandCase() {
        return isAboutDemandCase(kind, policyId, caseId);
    }

    /**
     * Whether an alert of this kind and policy is about the demand case {@code caseId} names: not a device's
     * condition, nor the clock of a household's visits, a plaque or a hall ticket.
     */
    public static boolean isAboutDemandCase(AlertKind kind, String policyId, String caseId) {
        return caseId != null && !caseId.isEmpty() && (kind == null || !kind.isDevice())
                && (policyId == null || NOT_CASE_POLICIES.stream().noneMatch(policyId::startsWith));
    }

    /** The same alert, cleared at the given instant, one version later. */
    public Alert cleared(Instant at) {
        return new Alert(alertId, kind, severity, AlertStatus.CLEARED, caseId, policyId, level, deadline, raisedAt, at, area,
                detail, version + 1);
    }

    /**
     * The same alert taken back: it fired, but was not due after all (the case moved on before its time and the step
     * that says so arrived late). Cleared at its own raise time, so it counts nowhere, one version later, and its detail
     * ends with {@code why}.
     */
    public Alert withdrawn(String why) {
        return new Alert(alertId, kind, severity, AlertStatus.CLEARED, caseId, policyId, level, deadline, raisedAt, raisedAt,
                area, detail + why, version + 1);
    }

    /** The same state under another version. */
    public Alert withVersion(long newVersion) {
        return new Alert(alertId, kind, severity, status, caseId, policyId, level, deadline, raisedAt, clearedAt, area, detail,
                newVersion);
    }

    /** Builds an open alert; see {@link Alert#raise}. */
    public static final class Builder {
        private final String alertId;
        private final AlertKind kind;
        private Severity severity;
        private String caseId = "";
        private String policyId = "";
        private int level;
        private Instant deadline;
        private Instant raisedAt;
        private AreaLineage area = AreaLineage.UNKNOWN;
        private String detail = "";
        private long version = 1;

        private Builder(String alertId, AlertKind kind) {
            this.alertId = alertId;
            this.kind = kind;
            this.severity = kind.severity();
        }

        /** The case (device, household) it is about and the policy or rule that fired. */
        public Builder about(String caseId, String policyId) {
            this.caseId = caseId;
            this.policyId = policyId;
            return this;
        }

        public Builder in(AreaLineage lineage) {
            this.area = lineage;
            return this;
        }

        public Builder raisedAt(Instant at) {
            this.raisedAt = at;
            return this;
        }

        public Builder deadline(Instant at) {
            this.deadline = at;
            return this;
        }

        public Builder level(int escalationLevel) {
            this.level = escalationLevel;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        public Builder detail(String sentence) {
            this.detail = sentence;
            return this;
        }

        public Builder version(long value) {
            this.version = value;
            return this;
        }

        public Alert build() {
            return new Alert(alertId, kind, severity, AlertStatus.OPEN, caseId, policyId, level, deadline, raisedAt, null, area,
                    detail, version);
        }
    }
}
