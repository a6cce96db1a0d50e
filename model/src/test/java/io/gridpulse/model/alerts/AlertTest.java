package io.gridpulse.model.alerts;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTest {
    static final Instant RAISED = Instant.parse("2026-11-24T01:00:00Z");
    static final AreaLineage PLACE = AreaLineage.ofGrid(AreaCode.of("439901001001001"));

    @Test
    void aNewAlertIsOpenVersionOneWithItsKindsSeverity() {
        var alert = Alert.raise("sla:c-1:p:1:breach", AlertKind.SLA_BREACH).about("c-1", "p").in(PLACE).raisedAt(RAISED)
                .deadline(RAISED).build();
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.isOpen()).isTrue();
        assertThat(alert.version()).isEqualTo(1);
        assertThat(alert.severity()).isEqualTo(Severity.MAJOR);
        assertThat(alert.clearedAt()).isNull();
        assertThat(alert.area().street()).isEqualTo("439901001");
    }

    @Test
    void clearingKeepsTheAlertAndOutranksItsOpenState() {
        var open = Alert.raise("a", AlertKind.DEVICE_OFFLINE).raisedAt(RAISED).build();
        var cleared = open.cleared(RAISED.plusSeconds(60));
        assertThat(cleared.status()).isEqualTo(AlertStatus.CLEARED);
        assertThat(cleared.clearedAt()).isEqualTo(RAISED.plusSeconds(60));
        assertThat(cleared.version()).isGreaterThan(open.version());
        assertThat(cleared.withVersion(7)).isEqualTo(new Alert("a", AlertKind.DEVICE_OFFLINE, Severity.WARNING,
                AlertStatus.CLEARED, "", "", 0, null, RAISED, RAISED.plusSeconds(60), AreaLineage.UNKNOWN, "", 7));
    }

    @Test
    void aWithdrawnStageIsClearedAtItsOwnRaiseTimeAndSaysWhy() {
        var open = Alert.raise("a", AlertKind.SLA_WARNING).raisedAt(RAISED).detail("due at 09:00").build();
        var withdrawn = open.withdrawn("; withdrawn");
        assertThat(withdrawn.clearedAt()).isEqualTo(withdrawn.raisedAt());
        assertThat(withdrawn.detail()).isEqualTo("due at 09:00; withdrawn");
        assertThat(withdrawn.version()).isEqualTo(2);
    }

    @Test
    void everyAlertNeedsAnIdAKindAndARaiseTime() {
        assertThatThrownBy(() -> Alert.raise("a", AlertKind.SLA_BREACH).build()).hasMessageContaining("raisedAt");
        assertThatThrownBy(() -> Alert.raise(null, AlertKind.SLA_BREACH).raisedAt(RAISED).build())
                .hasMessageContaining("alertId");
    }

    @Test
    void wireNamesAreTheStoredOnesAndReadBack() {
        assertThat(AlertKind.wireNames()).containsExactly("sla_warning", "sla_breach", "sla_escalation", "sla_unscheduled",
                "device_sos", "device_offline", "device_low_battery", "device_heart_rate");
        assertThat(Severity.wireNames()).containsExactly("info", "warning", "major", "critical");
        assertThat(AlertStatus.wireNames()).containsExactly("open", "cleared");
        Arrays.stream(AlertKind.values()).forEach(k -> assertThat(AlertKind.of(k.wireName())).isSameAs(k));
        Arrays.stream(Severity.values()).forEach(s -> assertThat(Severity.of(s.wireName())).isSameAs(s));
        Arrays.stream(AlertStatus.values()).forEach(s -> assertThat(AlertStatus.of(s.wireName())).isSameAs(s));
        assertThatThrownBy(() -> AlertKind.of("sla_breached")).hasMessageContaining("sla_breach");
        assertThat(Severity.fromWire("MAJOR")).isEmpty();
    }

    @Test
    void kindsKnowTheirFamilyAndWhetherTheClockIsPastDue() {
        assertThat(Arrays.stream(AlertKind.values()).filter(AlertKind::isPastDue))
                .containsExactly(AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION);
        assertThat(Arrays.stream(AlertKind.values()).filter(AlertKind::isDevice)).hasSize(4);
        assertThat(Arrays.stream(AlertKind.values())).allSatisfy(k -> assertThat(k.isSla()).isNotEqualTo(k.isDevice()));
        assertThat(Severity.CRITICAL).isGreaterThan(Severity.MAJOR);
    }
}
