package io.gridpulse.warehouse.layers;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaLineage;

import java.time.Instant;

/**
 * An open alert as the map and the wall draw it: at its area, linked to its case.
 *
 * @param area     where the case (or device) is; the finest level known is drawn
 * @param policyId the clock's policy ({@code resolve_now.first_response}, {@code visit.elderly_alone.weekly} ...)
 */
public record AlertMarker(String alertId, AlertKind kind, Severity severity, String caseId, AreaLineage area,
                          Instant raisedAt, String policyId) {

    /** Whether {@link #caseId} names a demand case (that a case page can show). */
    public boolean aboutCase() {
        return Alert.isAboutDemandCase(kind, policyId, caseId);
    }

    /** The finest non-empty area code of the alert's lineage, empty if none is known. */
    public String finestArea() {
        return area.finest();
    }

    /** True for a breach (or an escalation after one): the case is past its deadline. */
    public boolean overdue() {
        return kind.isPastDue();
    }
}
