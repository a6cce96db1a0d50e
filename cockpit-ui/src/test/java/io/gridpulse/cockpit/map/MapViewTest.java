package io.gridpulse.cockpit.map;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLineage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map explorer without a browser: the URL sets what the view shows, a choice on the page goes into the URL, the
 * panel's figures agree with the warehouse. Street 439901201 (石门乡) is written by no other test of this module.
 */
@ExtendWith(TestCockpit.Shared.class)
@ViewPackages(packages = "io.gridpulse.cockpit")
class MapViewTest extends BrowserlessTest {
    static final String STREET = "439901201";
    static final String GRID = "439901201001002";
    static final CockpitUser LEADER = new CockpitUser("map-leader", Role.LEADER, AreaCode.of("439901"), null);
    static final CockpitUser HEAD = new CockpitUser("map-head", Role.DEPARTMENT_HEAD, AreaCode.of(STREET), "civil_affairs");

    @BeforeAll
    static void twoOpenBreachesInTheStreet() {
        TestCockpit.installedContext();
        var now = TestCockpit.now();
        TestCockpit.warehouse().alerts().insert(List.of(
                Alert.raise("map-breach-1", AlertKind.SLA_BREACH).about("case-map-1", "resolve_now.first_response")
                        .raisedAt(now.minusSeconds(3_600)).deadline(now.minusSeconds(3_600))
                        .in(AreaLineage.ofGrid(AreaCode.of(GRID))).build(),
                Alert.raise("map-breach-2", AlertKind.SLA_BREACH).about("case-map-2", "resolve_now.first_response")
                        .raisedAt(now.minusSeconds(1_800)).deadline(now.minusSeconds(1_800))
                        .in(AreaLineage.ofGrid(AreaCode.of(GRID))).build()));
    }

    private MapView open(CockpitUser user, String location) {
        TestCockpit.signIn(user);
        var at = location.indexOf('?');
        UI.getCurrent().navigate(at < 0 ? location : location.substring(0, at),
                QueryParameters.fromString(at < 0 ? "" : location.substring(at + 1)));
        return (MapView) UI.getCurrent().getCurrentView();
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @Test
    void theUrlSetsTheAreaTheIndicatorAndTheLayers() {
        var view = open(LEADER, "map/" + STREET + "?by=breaches&layers=breaches");
        assertThat(view.state().area()).isEqualTo(AreaCode.of(STREET));
        assertThat(view.state().indicator()).isEqualTo(Indicator.OPEN_BREACHES);
        assertThat($(H2.class).id("map-area-name").getText()).isEqualTo("石门乡");
        assertThat($(Button.class).id("indicator-breaches").getThemeNames()).contains("primary");
        assertThat($(Button.class).id("indicator-events").getThemeNames()).doesNotContain("primary");
        assertThat($(Checkbox.class).id("layer-breaches").getValue()).isTrue();
        assertThat($(RouterLink.class).id("crumb-439901").getHref()).isEqualTo("map/439901?by=breaches&layers=breaches");
        assertThat($(Button.class).id("figure-breaches").getText()).as("the warehouse's open breaches").isEqualTo("2");
        assertThat($(Div.class).id("layer-summary-breaches").getElement().getTextRecursively()).startsWith("超时案件 2");
    }

    @Test
    void aChoiceOnThePageGoesIntoTheUrl() {
        open(LEADER, "map/" + STREET);
        test($(Button.class).id("indicator-alerts")).click();
        assertThat(location()).isEqualTo("map/" + STREET + "?by=alerts");
        test($(Checkbox.class).id("layer-heat")).click();
        assertThat(location()).isEqualTo("map/" + STREET + "?by=alerts&layers=heat");
        assertThat($(Select.class).id("heat-range")).as("the heat layer's filters appear with it").isNotNull();
        @SuppressWarnings("unchecked")
        Select<String> department = $(Select.class).id("map-department");
        test(department).selectItem("民政");
        assertThat(location()).contains("dept=civil_affairs");
    }

    @Test
    void aDepartmentHeadCountsTheirDepartmentsAlertsWhateverTheUrlSays() {
        var view = open(HEAD, "map/" + STREET + "?by=breaches&dept=health");
        assertThat(view.state().department()).isEqualTo("civil_affairs");
        assertThat($(Button.class).id("figure-breaches").getText()).as("no case of the street is civil affairs'").isEqualTo("0");
        assertThat($(Select.class).all()).noneMatch(s -> "map-department".equals(s.getId().orElse(null)));
        test($(Button.class).id("indicator-events")).click();
        assertThat(location()).doesNotContain("dept=");
    }

    @Test
    void theCasesBehindAFigureOpenUnderIt() {
        open(LEADER, "map/" + STREET + "?by=breaches");
        test($(Button.class).id("figure-breaches")).click();
        var cases = $(Div.class).id("panel-cases");
        assertThat(cases.isVisible()).isTrue();
        assertThat(cases.getElement().getAttribute("data-figure")).isEqualTo("breaches");
        assertThat($(RouterLink.class).id("panel-cases-all").getHref()).startsWith("cases?");
    }

    @Test
    void aGridIsDrawnAmongItsSiblingsWithItsOwnNumbers() {
        var view = open(LEADER, "map/" + GRID + "?by=breaches&layers=" + MapLayer.BREACHES.id());
        assertThat(view.state().area()).isEqualTo(AreaCode.of(GRID));
        assertThat($(H2.class).id("map-area-name").getText()).isEqualTo("第二网格");
        assertThat($(Button.class).id("figure-breaches").getText()).isEqualTo("2");
        assertThat($(RouterLink.class).id("crumb-" + STREET).getHref()).startsWith("map/" + STREET);
    }
}
