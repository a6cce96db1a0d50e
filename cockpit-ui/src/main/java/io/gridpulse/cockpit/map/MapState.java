package io.gridpulse.cockpit.map;

import com.vaadin.flow.router.QueryParameters;
import io.gridpulse.cockpit.alerts.AlertInboxView;
import io.gridpulse.cockpit.layers.LayerChoice;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.model.area.AreaCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What the map explorer shows, all of it in its URL so that a view can be bookmarked and shared: the area
 * ({@code /map/<code>}), the indicator its children are coloured by ({@code ?by=}), the layers drawn over them with
 * the heat layer's filters ({@code &layers=&type=&range=&group=}) and the department whose alerts are counted
 * ({@code &dept=}). Read from the URL for one user and written back for them: a department head's department comes
 * from their account, never from the URL, and a role without the alert inbox never gets the breach layer.
 *
 * @param department the department whose alerts the breach layer and the alert figures count; null for all
 */
public record MapState(AreaCode area, Indicator indicator, LayerChoice layers, String department) {
    static final String INDICATOR = "by";

    public MapState {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(layers, "layers");
    }

    /** The state a URL asks for, as {@code user} may see it (the area was checked against their scope before). */
    public static MapState read(AreaCode area, CockpitUser user, QueryParameters query) {
        var by = query.getSingleParameter(INDICATOR).orElse(null);
        var indicator = Indicator.EVENTS_7_DAYS;
        for (var candidate : Indicator.values()) {
            if (candidate.id().equals(by)) {
                indicator = candidate;
            }
        }
        var layers = LayerChoice.from(query.getParameters());
        if (!user.may(Permission.VIEW_ALERTS)) {
            // alerts name cases and places in real time: a role without the inbox (analysts) gets no breach layer,
            // whatever the URL asks for
            layers = layers.with(MapLayer.BREACHES, false);
        }
        var department = user.alertDepartment(query.getSingleParameter(AlertInboxView.DEPARTMENT_PARAMETER).orElse(null));
        return new MapState(area, indicator, layers, department);
    }

    /** The route of this state's area, for {@code UI.navigate(path, query)}. */
    public String path() {
        return "map/" + area.value();
    }

    /** The URL's query for {@code user}: the indicator, the layers and their filters, the department they chose. */
    public QueryParameters query(CockpitUser user) {
        var parameters = new LinkedHashMap<String, List<String>>();
        parameters.put(INDICATOR, List.of(indicator.id()));
        parameters.putAll(layers.parameters());
        if (department != null && user.department() == null) {
            // a department head's own department is never in the URL: it comes from their account
            parameters.put(AlertInboxView.DEPARTMENT_PARAMETER, List.of(department));
        }
        return new QueryParameters(parameters);
    }

    public MapState withArea(AreaCode other) {
        return new MapState(other, indicator, layers, department);
    }

    public MapState withIndicator(Indicator other) {
        return new MapState(area, other, layers, department);
    }

    public MapState withLayers(LayerChoice other) {
        return new MapState(area, indicator, other, department);
    }

    /** This state counting the alerts of another department; null or blank for all. */
    public MapState withDepartment(String other) {
        return new MapState(area, indicator, layers, other == null || other.isBlank() ? null : other);
    }

    /** The population group the heat layer narrows to while it is shown, else null. */
    public String heatGroup() {
        return layers.shows(MapLayer.HEAT) ? layers.group() : null;
    }
}
