package io.gridpulse.cockpit.alerts;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.alerts.InboxQuery.Show;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox view without a browser (Vaadin's browserless testing): the URL sets the filters, a filter changed on
 * the page goes into the URL, the list and the counts follow, and a bulk acknowledgement clears a flood. Street
 * 439901107 is written by no other test of this module.
 */
@ExtendWith(TestCockpit.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ViewPackages(packages = "io.gridpulse.cockpit")
class AlertInboxViewTest extends BrowserlessTest {
    static final String GRID = "439901107001001";
    static final CockpitUser WATCHER = new CockpitUser("view-watcher", Role.WATCHER, AreaCode.of("439901107"), null);
    static final CockpitUser LEADER = new CockpitUser("view-leader", Role.LEADER, AreaCode.of("439901107"), null);

    @BeforeAll
    static void fiftyDeviceAlertsAndTwoBreaches() {
        TestCockpit.installedContext();
        var now = TestCockpit.now();
        var alerts = new ArrayList<Alert>();
        for (int i = 0; i < 50; i++) {
            alerts.add(Alert.raise("view-battery-" + i, AlertKind.DEVICE_LOW_BATTERY).about("band-" + i, "device.battery")
                    .raisedAt(now.minusSeconds(i)).in(AreaLineage.ofGrid(AreaCode.of(GRID))).build());
        }
        for (int i = 0; i < 2; i++) {
            alerts.add(Alert.raise("view-breach-" + i, AlertKind.SLA_BREACH).about("case-view-" + i, "resolve_now.first_response")
                    .raisedAt(now.minusSeconds(7_200 + i)).deadline(now.minusSeconds(7_200 + i))
                    .in(AreaLineage.ofGrid(AreaCode.of(GRID))).build());
        }
        TestCockpit.warehouse().alerts().insert(alerts);
    }

    @BeforeEach
    void signIn() {
        signIn(WATCHER);
    }

    private static void signIn(CockpitUser user) {
        TestCockpit.signIn(user);
    }

    @SuppressWarnings("unchecked")
    private Grid<Alert> grid() {
        return $(Grid.class).id("alert-inbox");
    }

    @Test
    @Order(1)
    void theUrlsKindFindsTheBreachesAmongTheDeviceAlerts() {
        open(Map.of("kind", "sla_breach"));
        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(2);
        assertThat(List.of(rows.getRow(0), rows.getRow(1))).extracting(Alert::alertId)
                .containsExactly("view-breach-0", "view-breach-1");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<AlertKind> kinds = $(MultiSelectComboBox.class).id("filter-kind");
        assertThat(kinds.getValue()).containsExactly(AlertKind.SLA_BREACH);
        assertThat($(Span.class).id("open-alerts").getText()).isEqualTo("未确认 52 条 · 未解除 52 条 · 当前筛选 2 条");
    }

    @Test
    @Order(2)
    void aFilterChosenOnThePageGoesIntoTheUrl() {
        navigate(AlertInboxView.class);
        assertThat(test(grid()).size()).isEqualTo(52);
        assertThat(test(grid()).getRow(0).kind()).as("majors before warnings").isEqualTo(AlertKind.SLA_BREACH);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<AlertKind> kinds = $(MultiSelectComboBox.class).id("filter-kind");
        kinds.setValue(Set.of(AlertKind.DEVICE_LOW_BATTERY));
        assertThat(location()).contains("kind=device_low_battery");
        assertThat(test(grid()).size()).isEqualTo(50);
        @SuppressWarnings("unchecked")
        Select<Show> show = $(Select.class).id("filter-status");
        show.setValue(Show.CLEARED);
        assertThat(location()).contains("show=cleared").contains("kind=device_low_battery");
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    @Order(3)
    void aWatcherAcknowledgesAFloodAtOnce() {
        open(Map.of("kind", "device_low_battery", "q", "band-1"));
        var rows = test(grid());
        assertThat(rows.size()).as("band-1 and band-10 to band-19").isEqualTo(11);
        for (int i = 0; i < rows.size(); i++) {
            rows.select(i);
        }
        test($(Button.class).id("ack-selected")).click();
        open(Map.of("kind", "device_low_battery", "show", "unhandled", "q", "band-1"));
        assertThat(test(grid()).size()).isZero();
        assertThat($(Span.class).id("open-alerts").getText()).startsWith("未确认 41 条");
    }

    @Test
    @Order(4)
    void aLeaderReadsTheInboxButHasNothingToActWith() {
        signIn(LEADER);
        open(Map.of("kind", "sla_breach"));
        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat($(Button.class).withId("ack-selected").exists()).as("a leader reads, a watcher acts").isFalse();
    }

    /** Opens the inbox at its URL with these query parameters, as a browser would. */
    private static void open(Map<String, String> parameters) {
        UI.getCurrent().navigate(AlertInboxView.class, QueryParameters.simple(parameters));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
