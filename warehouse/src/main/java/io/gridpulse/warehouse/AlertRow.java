package io.gridpulse.warehouse;

import java.time.Instant;
import java.util.List;

/**
 * One alert in the alerts table, in one of its states.
 *
 * @param alertId       stable id: the same alert always has the same id
 * @param kind          sla_warning, sla_breach, sla_escalation, sla_unscheduled; device_sos, device_offline,
 *                      device_low_battery, device_heart_rate
 * @param severity      info, warning, major, critical
 * @param status        open or cleared
 * @param caseId        the case the alert is about; for device_* alerts the device id
 * @param policyId      the SLA policy whose clock fired; for device_* alerts the rule (device.sos ...)
 * @param level         escalation level (0 for warnings and breaches; 1 community, 2 street, 3 city)
 * @param deadline      the computed deadline of the clock, null if it could not be computed
 * @param raisedAt      when the alert fired (event time: the instant its rule became true)
 * @param clearedAt     when the case moved on, null while open
 * @param gridCode      area lineage of the case; empty where unknown
 * @param communityCode area lineage of the case
 * @param streetCode    area lineage of the case
 * @param countyCode    area lineage of the case
 * @param detail        a sentence for people
 * @param version       higher wins: later states replace earlier ones
 */
public record AlertRow(String alertId, String kind, String severity, String status, String caseId, String policyId,
                       int level, Instant deadline, Instant raisedAt, Instant clearedAt, String gridCode,
                       String communityCode, String streetCode, String countyCode, String detail, long version) {

    public static final String OPEN = "open";
    public static final String CLEARED = "cleared";
    /** Every status an alert can be in. */
    public static final List<String> STATUSES = List.of(OPEN, CLEARED);
    /** Every kind of alert the stream jobs raise; a new kind is added here first. */
    public static final List<String> KINDS = List.of("sla_warning", "sla_breach", "sla_escalation", "sla_unscheduled",
            "device_sos", "device_offline", "device_low_battery", "device_heart_rate");
    /** Every severity, least urgent first. */
    public static final List<String> SEVERITIES = List.of("info", "warning", "major", "critical");

    /** The same alert, cleared at the given instant. */
    public AlertRow cleared(Instant at) {
        return new AlertRow(alertId, kind, severity, CLEARED, caseId, policyId, level, deadline, raisedAt, at,
                gridCode, communityCode, streetCode, countyCode, detail, version + 1);
    }
}
