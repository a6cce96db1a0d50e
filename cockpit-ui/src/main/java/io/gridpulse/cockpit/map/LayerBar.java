package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.gridpulse.cockpit.layers.HeatRange;
import io.gridpulse.cockpit.layers.LayerChoice;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Departments;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.shell.Languages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The layer toggles; while the heat layer is shown, its demand type, population group and time range; and, for a user
 * without a department of their own, the department whose alerts are counted. Every change is a new {@link MapState}.
 */
final class LayerBar extends Div {
    private final Consumer<MapState> changed;

    /** @param changed told the state with the layers or department chosen */
    LayerBar(Consumer<MapState> changed) {
        this.changed = changed;
        setId("map-layers");
        addClassName("gp-map-layers");
    }

    /**
     * @param demandTypes the demand types filed in the area during the heat layer's range, most first
     * @param typeName    the label of a demand type
     */
    void show(MapState state, CockpitUser user, List<String> demandTypes, Function<String, String> typeName) {
        removeAll();
        add(new Span(getTranslation("map.layers")));
        var layers = state.layers();
        for (var layer : MapLayer.values()) {
            if (layer == MapLayer.BREACHES && !user.may(Permission.VIEW_ALERTS)) {
                continue;
            }
            var toggle = new Checkbox(getTranslation("map.layer." + layer.id()), layers.shows(layer));
            toggle.setId("layer-" + layer.id());
            toggle.addValueChangeListener(change -> changed.accept(state.withLayers(layers.with(layer, change.getValue()))));
            add(toggle);
        }
        if (layers.shows(MapLayer.HEAT)) {
            add(heatFilters(state, demandTypes, typeName));
        }
        if (user.department() == null && user.may(Permission.VIEW_ALERTS)) {
            add(department(state));
        }
    }

    private Select<?>[] heatFilters(MapState state, List<String> demandTypes, Function<String, String> typeName) {
        var layers = state.layers();
        var types = new ArrayList<String>();
        types.add("");
        types.addAll(demandTypes);
        if (layers.demandType() != null && !types.contains(layers.demandType())) {
            types.add(layers.demandType());
        }
        var type = select("heat-type", "map.heat.type", types,
                t -> t.isEmpty() ? getTranslation("map.heat.all-types") : typeName.apply(t),
                layers.demandType() == null ? "" : layers.demandType(), t -> layers.withDemandType(t), state);
        var groups = new ArrayList<String>();
        groups.add("");
        groups.addAll(LayerChoice.GROUPS);
        var group = select("heat-group", "map.heat.group", groups,
                g -> getTranslation(g.isEmpty() ? "map.heat.all-groups" : "map.group." + g),
                layers.group() == null ? "" : layers.group(), g -> layers.withGroup(g), state);
        // a group's heat counts its residents' demands of every type
        type.setEnabled(layers.group() == null);
        var range = select("heat-range", "map.heat.range", List.of(HeatRange.values()),
                r -> getTranslation("map.heat.range." + r.id()), layers.range(), r -> layers.withRange(r), state);
        return new Select<?>[] {type, group, range};
    }

    private <T> Select<T> select(String id, String label, List<T> items, Function<T, String> itemLabel, T value,
                                 Function<T, LayerChoice> choose, MapState state) {
        var select = new Select<T>();
        select.setId(id);
        select.setAriaLabel(getTranslation(label));
        select.setItems(items);
        select.setItemLabelGenerator(itemLabel::apply);
        select.setValue(value);
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                changed.accept(state.withLayers(choose.apply(change.getValue())));
            }
        });
        return select;
    }

    private Select<String> department(MapState state) {
        var codes = new ArrayList<String>();
        codes.add("");
        codes.addAll(Departments.CODES);
        if (state.department() != null && !codes.contains(state.department())) {
            codes.add(state.department());
        }
        var choice = new Select<String>();
        choice.setId("map-department");
        choice.setAriaLabel(getTranslation("map.department"));
        choice.setItems(codes);
        choice.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("map.department.all") : departmentName(d));
        choice.setValue(state.department() == null ? "" : state.department());
        choice.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                changed.accept(state.withDepartment(change.getValue()));
            }
        });
        return choice;
    }

    static String departmentName(String code) {
        return Languages.textOr("department." + code, code);
    }
}
