package io.gridpulse.cockpit.map;

import com.vaadin.flow.router.QueryParameters;
import io.gridpulse.cockpit.layers.HeatRange;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's state from and to its URL, for each kind of user. */
class MapStateTest {
    private static final AreaCode STREET = AreaCode.of("439901201");
    private static final CockpitUser LEADER = new CockpitUser("l", Role.LEADER, AreaCode.of("439901"), null);
    private static final CockpitUser HEAD = new CockpitUser("h", Role.DEPARTMENT_HEAD, STREET, "civil_affairs");
    private static final CockpitUser ANALYST = new CockpitUser("a", Role.ANALYST, AreaCode.of("439901"), null);

    private static MapState read(CockpitUser user, String query) {
        return MapState.read(STREET, user, QueryParameters.fromString(query));
    }

    @Test
    void aUrlReadAndWrittenBackIsTheSameUrl() {
        var state = read(LEADER, "by=breaches&layers=heat,breaches&range=7d&dept=health");
        assertThat(state.indicator()).isEqualTo(Indicator.OPEN_BREACHES);
        assertThat(state.layers().shows(MapLayer.HEAT)).isTrue();
        assertThat(state.layers().shows(MapLayer.BREACHES)).isTrue();
        assertThat(state.layers().range()).isEqualTo(HeatRange.LAST_7_DAYS);
        assertThat(state.department()).isEqualTo("health");
        assertThat(read(LEADER, state.query(LEADER).getQueryString())).isEqualTo(state);
        assertThat(state.path()).isEqualTo("map/439901201");
    }

    @Test
    void nothingAskedIsEventsWithoutLayersForEveryDepartment() {
        var state = read(LEADER, "");
        assertThat(state.indicator()).isEqualTo(Indicator.EVENTS_7_DAYS);
        assertThat(state.layers().layers()).isEmpty();
        assertThat(state.department()).isNull();
        assertThat(read(LEADER, "by=nonsense").indicator()).isEqualTo(Indicator.EVENTS_7_DAYS);
    }

    @Test
    void aDepartmentHeadsDepartmentComesFromTheAccountAndNeverGoesIntoTheUrl() {
        var state = read(HEAD, "dept=health&by=alerts");
        assertThat(state.department()).isEqualTo("civil_affairs");
        assertThat(state.query(HEAD).getParameters()).doesNotContainKey("dept");
        assertThat(state.withDepartment("health").withDepartment("").department()).isNull();
    }

    @Test
    void anAnalystNeverGetsTheBreachLayerWhateverTheUrlSays() {
        var state = read(ANALYST, "layers=breaches,devices");
        assertThat(state.layers().shows(MapLayer.BREACHES)).isFalse();
        assertThat(state.layers().shows(MapLayer.DEVICES)).isTrue();
    }

    @Test
    void theHeatGroupCountsOnlyWhileTheHeatLayerIsShown() {
        assertThat(read(LEADER, "layers=heat&group=elderly_alone").heatGroup()).isEqualTo("elderly_alone");
        assertThat(read(LEADER, "layers=devices&group=elderly_alone").heatGroup()).isNull();
    }
}
