package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.cases.CaseView;
import io.gridpulse.cockpit.cases.CasesView;
import io.gridpulse.cockpit.export.Exports;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.layers.MapLayers;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseRow;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The side panel of the map explorer: the area's name and figures, the cases behind a figure once it is clicked, one
 * line per shown layer, its children by the indicator (a click drills down) and the CSV export.
 */
final class AreaPanel extends VerticalLayout {
    private static final DateTimeFormatter RAISED = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Languages.current());
    private final Grid<Map.Entry<Area, Long>> children = new Grid<>();
    /** The cases behind the figure last clicked; empty and hidden until a click. */
    private final Div cases = new Div();
    private final Consumer<CaseFigure> figureClicked;
    private final Function<Area, String> name;
    private Indicator indicator = Indicator.EVENTS_7_DAYS;

    /**
     * @param drill         told the child clicked in the list
     * @param figureClicked told the figure whose cases the user asked for
     * @param name          the display name of an area in the user's language
     */
    AreaPanel(Consumer<AreaCode> drill, Consumer<CaseFigure> figureClicked, Function<Area, String> name) {
        this.figureClicked = figureClicked;
        this.name = name;
        setId("map-panel");
        addClassName("gp-map-panel");
        setWidth("380px");
        setHeightFull();
        setPadding(false);
        children.setId("map-children");
        children.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        children.addColumn(e -> name.apply(e.getKey())).setHeader(getTranslation("map.area")).setFlexGrow(2);
        children.addColumn(e -> numbers.format(e.getValue()) + (indicator.percent() ? "%" : "")).setHeader(getTranslation("map.value"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        children.addItemClickListener(click -> drill.accept(click.getItem().getKey().code()));
        cases.addClassName("gp-map-cases");
        cases.setWidthFull();
    }

    void show(MapState state, CockpitUser user, MapScreen.Drawn drawn, AreaFigures figures, MapLayers.Drawn layers) {
        indicator = state.indicator();
        removeAll();
        var self = drawn.self();
        var title = new H2(name.apply(self));
        title.setId("map-area-name");
        add(title, new Span(getTranslation("level." + self.level().name().toLowerCase()) + " · " + self.code()));
        // alerts name cases in real time: a role without the inbox gets plain numbers
        var alertsShown = user.may(Permission.VIEW_ALERTS);
        add(figure("today", figures.eventsToday(), null), figure("week", figures.events7Days(), null),
                figure("demands", figures.demandsToday(), CaseFigure.DEMANDS),
                figure("alerts", figures.openAlerts(), alertsShown ? CaseFigure.ALERTS : null),
                figure("breaches", figures.openBreaches(), alertsShown ? CaseFigure.BREACHES : null));
        hideCases();
        add(cases);
        if (!layers.summary().isEmpty()) {
            var summary = new Div();
            summary.setId("layer-summary");
            summary.addClassName("gp-map-layer-summary");
            for (var layer : MapLayer.values()) {
                var line = layers.summary().get("layer-summary-" + layer.id());
                if (line != null) {
                    var row = new Div(new Span(line));
                    row.setId("layer-summary-" + layer.id());
                    summary.add(row);
                }
            }
            add(summary);
        }
        var kids = drawn.children();
        if (!kids.isEmpty()) {
            var rows = new LinkedHashMap<Area, Long>();
            kids.stream().sorted(Comparator.comparing((Area a) -> -figures.byChild().getOrDefault(a.code().value(), 0L))
                            .thenComparing(Area::code))
                    .forEach(a -> rows.put(a, figures.byChild().getOrDefault(a.code().value(), 0L)));
            children.setItems(List.copyOf(rows.entrySet()));
            add(new Span(getTranslation("map.children", getTranslation("map.indicator." + indicator.id()))), children);
            setFlexGrow(1, children);
        }
        if (user.may(Permission.EXPORT)) {
            add(exportLink(state, user, self, kids, figures));
        }
    }

    private Div figure(String key, long value, CaseFigure figure) {
        var label = new Span(getTranslation("map.figure." + key));
        Component number;
        if (figure == null) {
            number = new Span(numbers.format(value));
        } else {
            var button = new Button(numbers.format(value), click -> figureClicked.accept(figure));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.getElement().setAttribute("title", getTranslation("map.cases.show"));
            button.setAriaLabel(getTranslation("map.figure." + key) + " " + numbers.format(value) + " · " + getTranslation("map.cases.show"));
            number = button;
        }
        number.setId("figure-" + key);
        number.getElement().getClassList().add("gp-map-figure-number");
        return new Div(label, new Span(" "), number);
    }

    private void hideCases() {
        cases.removeAll();
        cases.setVisible(false);
    }

    /** Lists under the figures the cases behind one of them, with notes on how they were narrowed. */
    void showCases(MapState state, CockpitUser user, CaseFigure figure, MapScreen.CasesBehind behind, ZoneId zone) {
        cases.removeAll();
        cases.setId("panel-cases");
        cases.getElement().setAttribute("data-figure", figure.id);
        var title = new Span(getTranslation("map.cases.title." + figure.id));
        title.setId("panel-cases-title");
        title.addClassName("gp-map-cases-title");
        var close = new Button(getTranslation("map.cases.close"), click -> hideCases());
        close.setId("panel-cases-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        var header = new Div(title, close);
        header.addClassName("gp-map-cases-header");
        cases.add(header);

        var notes = new ArrayList<String>();
        var department = state.department();
        if (department != null) {
            notes.add(getTranslation("map.cases.department", LayerBar.departmentName(department)));
            if (figure == CaseFigure.DEMANDS) {
                notes.add(getTranslation("map.cases.note.demands-department", LayerBar.departmentName(department)));
            }
        }
        if (state.heatGroup() != null) {
            notes.add(getTranslation("map.cases.note.group", getTranslation("map.group." + state.heatGroup())));
        }
        if (figure != CaseFigure.DEMANDS) {
            notes.add(getTranslation("map.cases.note.alerts"));
        }
        if (!notes.isEmpty()) {
            var note = new Div(new Span(String.join(" ", notes)));
            note.setId("panel-cases-note");
            note.addClassName("gp-map-cases-note");
            cases.add(note);
        }

        var list = new Div();
        list.setId("panel-cases-list");
        list.addClassName("gp-map-cases-list");
        if (behind.rows().isEmpty()) {
            list.add(new Span(getTranslation("map.cases.none")));
        }
        behind.rows().forEach(row -> list.add(caseLine(row, zone)));
        cases.add(list);

        var shown = behind.rows().size();
        var count = new Span(shown < behind.total()
                ? getTranslation("map.cases.count.capped", numbers.format(shown), numbers.format(behind.total()))
                : getTranslation("map.cases.count", numbers.format(behind.total())));
        count.setId("panel-cases-count");
        var all = new RouterLink(getTranslation("map.cases.all"), CasesView.class);
        // as in the map's own URL, a department head's department is not written in it: it comes from their account
        var query = behind.query();
        all.setQueryParameters((user.department() == null ? query : query.withDepartment(null)).parameters());
        all.setId("panel-cases-all");
        var footer = new Div(count, all);
        footer.addClassName("gp-map-cases-footer");
        cases.add(footer);
        cases.setVisible(true);
    }

    /** One case: its id (to the case page), type and open breaches; below, when raised and its latest step. */
    private Div caseLine(CaseRow row, ZoneId zone) {
        var link = new RouterLink(row.caseId(), CaseView.class, new RouteParameters("caseId", row.caseId()));
        link.addClassName("panel-case");
        link.getElement().setAttribute("data-case", row.caseId());
        var first = new Div(link, new Span(" " + Languages.label("map.demand-type.", row.demandType())));
        if (row.openBreaches() > 0) {
            var breaches = new Span(getTranslation("map.cases.breaches", row.openBreaches()));
            breaches.getElement().getThemeList().add("badge error small");
            breaches.addClassName("gp-map-case-breaches");
            first.add(breaches);
        }
        var second = new Div(new Span(RAISED.withZone(zone).format(row.createdAt()) + " · "
                + Languages.label("cases.step.", row.latestStep())));
        second.addClassName("gp-map-case-when");
        var line = new Div(first, second);
        line.addClassName("gp-map-case");
        return line;
    }

    private Anchor exportLink(MapState state, CockpitUser user, Area self, List<Area> kids, AreaFigures figures) {
        var exported = state.area();
        var by = state.indicator();
        var rows = (kids.isEmpty() ? List.of(self) : kids).stream()
                .map(a -> List.of(a.code().value(), a.name(), String.valueOf(figures.byChild().getOrDefault(a.code().value(), 0L))))
                .toList();
        var csv = Exports.guarded(user, exported, "/map/" + exported + "?by=" + by.id() + " csv",
                "gridpulse-" + exported + "-" + by.id() + ".csv", Exports.CSV,
                out -> out.write(Exports.csv(List.of("code", "name", by.id()), rows)));
        var link = new Anchor(csv, getTranslation("map.export"));
        link.setId("map-export");
        return link;
    }
}
