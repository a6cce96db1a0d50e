package io.gridpulse.warehouse.layers;

import java.time.Instant;

/**
 * An open SLA alert (warning, breach or escalation) as the map draws it: at its area, linked to its case.
 *
 * @param gridCode the finest area known (may be empty, then the community, street or county is used)
 * @param policyId the clock's policy ({@code resolve_now.first_response}, {@code visit.elderly_alone.weekly} ...)
 */
public record AlertMarker(String alertId, String kind, String severity, String caseId, String gridCode,
                          String communityCode, String streetCode, String countyCode, Instant raisedAt, String policyId) {

    /** The clocks whose alerts name a household, device, plaque or hall ticket in {@code caseId}, not a demand case. */
    private static final java.util.List<String> NOT_CASES = java.util.List.of("visit.", "device.", "plaque.", "hall.");

    /** Whether {@link #caseId} names a demand case (that a case page can show). */
    public boolean aboutCase() {
        return !caseId.isEmpty() && !kind.startsWith("device_")
                && (policyId == null || NOT_CASES.stream().noneMatch(policyId::startsWith));
    }

    /** The finest non-empty area code of the alert's lineage, empty if none is known. */
    public String finestArea() {
        for (var code : new String[] {gridCode, communityCode, streetCode, countyCode}) {
            if (code != null && !code.isEmpty()) {
                return code;
            }
        }
        return "";
    }

    /** True for a breach (or an escalation after one): the case is past its deadline. */
    public boolean overdue() {
        return kind.equals("sla_breach") || kind.equals("sla_escalation");
    }
}
