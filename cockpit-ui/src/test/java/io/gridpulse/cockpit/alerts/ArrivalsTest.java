package io.gridpulse.cockpit.alerts;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArrivalsTest {
    static Alert alert(String id) {
        return Alert.raise(id, AlertKind.SLA_BREACH).raisedAt(Instant.parse("2026-12-07T01:00:00Z")).build();
    }

    @Test
    void theFirstLookLearnsWhatIsOpenAndLaterLooksReturnOnlyWhatIsNew() {
        var arrivals = new Arrivals();
        assertThat(arrivals.arrived(List.of(alert("a"), alert("b")))).as("no toast per old breach").isEmpty();
        assertThat(arrivals.arrived(List.of(alert("c"), alert("a"), alert("b")))).extracting(Alert::alertId).containsExactly("c");
        assertThat(arrivals.arrived(List.of(alert("c"), alert("a")))).as("b cleared: nothing new").isEmpty();
        assertThat(arrivals.arrived(List.of(alert("d"), alert("e"), alert("c")))).extracting(Alert::alertId)
                .containsExactly("d", "e");
    }

    @Test
    void anAlertThatLeftAndCameBackIsNewAgain() {
        var arrivals = new Arrivals();
        arrivals.arrived(List.of(alert("a")));
        arrivals.arrived(List.of());
        assertThat(arrivals.arrived(List.of(alert("a")))).extracting(Alert::alertId).containsExactly("a");
    }

    @Test
    void sosBreachesAndEscalationsAreUrgentWarningsAndBatteriesAreNot() {
        assertThat(Arrivals.URGENT).contains(AlertKind.DEVICE_SOS, AlertKind.SLA_BREACH, AlertKind.SLA_ESCALATION)
                .doesNotContain(AlertKind.SLA_WARNING, AlertKind.DEVICE_LOW_BATTERY, AlertKind.DEVICE_HEART_RATE);
    }
}
