package io.gridpulse.cockpit.map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.cases.CaseListQuery;
import io.gridpulse.cockpit.cases.CasePeriod;
import io.gridpulse.cockpit.cases.CaseView;
import io.gridpulse.cockpit.cases.CasesView;
import io.gridpulse.cockpit.charts.EChart;
import io.gridpulse.cockpit.export.Exports;
import io.gridpulse.cockpit.layers.HeatRange;
import io.gridpulse.cockpit.layers.LayerChoice;
import io.gridpulse.cockpit.layers.MapLayer;
import io.gridpulse.cockpit.layers.MapLayers;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Departments;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseFilter;
import io.gridpulse.warehouse.cases.CaseQueries;
import io.gridpulse.warehouse.cases.CaseRow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The map explorer: the children of an area drawn from geo-data and coloured by an indicator; a click
 * drills down (county > street > community > grid), the breadcrumb goes back up, the side panel has
 * the area's numbers. The URL carries the area ({@code /map/<code>}), the indicator
 * ({@code ?by=events|alerts|breaches|coverage}) and the layers drawn over the areas
 * ({@code &layers=heat,breaches,devices,facilities}, with the heat layer's {@code &type=} and {@code &range=}),
 * so a view can be bookmarked; an area outside the user's scope is refused here and in the access guard,
 * and every layer reads only the area shown. A click on a breach or warning opens its case.
 *
 * <p>Alerts by department: a department head's breach layer and alert figures (open alerts, open breaches,
 * and the children coloured by them) count only the alerts of the cases last assigned to their department;
 * users without a department may narrow them to one with {@code &dept=<code>}, which a department head's URL
 * cannot change (see {@link CockpitUser#alertDepartment}).
 *
 * <p>The cases behind a number: a click on the panel's "demands today", "open alerts" or "open breaches" lists
 * under the figures the newest cases behind it in the area on screen (read only then, not on every drill-down),
 * narrowed as the figure is (scope, department) and, while the heat layer shows one population group, to that
 * group; a link opens the full case list with the same filters ({@link CaseListQuery}).
 */
@Route(value = "map", layout = MainLayout.class)
@Requires(value = Permission.EXPLORE_MAP, areaInPath = true)
public final class MapView extends HorizontalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final Region region = context.region();
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Languages.current());
    private final Div breadcrumb = new Div();
    private final Div indicators = new Div();
    private final Div layerBar = new Div();
    private final EChart map = new EChart(null);
    private final VerticalLayout panel = new VerticalLayout();
    private final Grid<Map.Entry<Area, Long>> children = new Grid<>();
    /** The cases behind the figure last clicked; empty and hidden until a click. */
    private final Div panelCases = new Div();
    private CockpitUser user;
    private AreaCode area;
    private Indicator indicator = Indicator.EVENTS_7_DAYS;
    private LayerChoice layers = LayerChoice.none();
    /** The department whose alerts the breach layer and alert figures count; null for all. */
    private String department;
    private final MapLayers mapLayers;
    /** Code by display name of the areas drawn (names are unique among siblings). */
    private Map<String, AreaCode> drawnByName = Map.of();

    public MapView() {
        // the layout gives this view the height below its bar; 100% would add the bar's height again
        setWidthFull();
        getStyle().set("min-height", "0");
        setPadding(true);
        breadcrumb.setId("map-breadcrumb");
        breadcrumb.getStyle().set("font-size", "var(--lumo-font-size-l)");
        indicators.setId("map-indicators");
        layerBar.setId("map-layers");
        map.setId("map-chart");
        map.setWidthFull();
        map.getStyle().set("min-height", "320px");
        map.addItemClickListener(click -> {
            if (click.seriesId() != null && (click.seriesId().startsWith("layer-breaches") || click.seriesId().equals("layer-warnings"))
                    && click.id() != null && !click.id().isEmpty()) {
                // the case page is route cases/<caseId>; it checks the case's area against the user's scope again
                UI.getCurrent().navigate("cases/" + URLEncoder.encode(click.id(), StandardCharsets.UTF_8).replace("+", "%20"));
            } else if (click.seriesId() == null || !click.seriesId().startsWith("layer-")) {
                drill(click.name());
            }
        });
        mapLayers = new MapLayers(context.warehouse(), region, context.zone(), new MapLayers.Labels() {
            @Override
            public String text(String key, Object... parameters) {
                return getTranslation(key, parameters);
            }

            @Override
            public boolean english() {
                return english;
            }
        });
        var left = new VerticalLayout(breadcrumb, indicators, layerBar, map);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, map);
        panel.setId("map-panel");
        panel.setWidth("380px");
        panel.setHeightFull();
        panel.setPadding(false);
        children.setId("map-children");
        children.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        children.addColumn(e -> name(e.getKey())).setHeader(getTranslation("map.area")).setFlexGrow(2);
        children.addColumn(e -> numbers.format(e.getValue()) + (indicator.percent() ? "%" : "")).setHeader(getTranslation("map.value"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        children.addItemClickListener(click -> drill(click.getItem().getKey().code()));
        add(left, panel);
        setFlexGrow(1, left);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String areaCode) {
        var signedIn = SignedIn.user();
        if (signedIn.isEmpty()) {
            return;   // the access guard sends this navigation to the sign-in page
        }
        user = signedIn.get();
        area = user.scope();
        if (areaCode != null) {
            var asked = user.visible(areaCode);
            if (asked.isEmpty()) {
                event.rerouteToError(AccessDenied.class, "area " + areaCode + " is outside " + user.name() + "'s scope");
                return;
            }
            area = asked.get();
        }
        if (region.area(area).isEmpty()) {
            event.rerouteToError(NotFoundException.class, area.value());
            return;
        }
        var by = event.getLocation().getQueryParameters().getSingleParameter("by").orElse(null);
        indicator = Indicator.EVENTS_7_DAYS;
        for (var candidate : Indicator.values()) {
            if (candidate.id().equals(by)) {
                indicator = candidate;
            }
        }
        layers = LayerChoice.from(event.getLocation().getQueryParameters().getParameters());
        department = user.alertDepartment(event.getLocation().getQueryParameters()
                .getSingleParameter(io.gridpulse.cockpit.alerts.AlertInboxView.DEPARTMENT_PARAMETER).orElse(null));
        if (!user.may(Permission.VIEW_ALERTS)) {
            // alerts name cases and places in real time: a role without the inbox (analysts) gets no breach layer,
            // whatever the URL asks for
            layers = layers.with(MapLayer.BREACHES, false);
        }
        show();
    }

    private void show() {
        showBreadcrumb();
        showIndicators();
        var self = region.area(area).orElseThrow();
        var kids = region.children(area);
        var leaf = kids.isEmpty();
        // a grid is drawn among its siblings (boundaries only; numbers for the grid alone)
        var drawnParent = leaf ? area.parent().orElse(area) : area;
        var drawn = leaf ? region.children(drawnParent) : kids;
        drawnByName = drawn.stream().collect(Collectors.toMap(this::name, Area::code, (a, b) -> a));
        var now = context.clock().instant();
        var figures = ofDepartment(AreaFigures.read(context.warehouse(), region, area, indicator, context.zone(), now), leaf);
        // the layers read the area shown (a grid: the grid alone), which setParameter checked against the scope
        var drawnLayers = mapLayers.draw(area, layers, department, now);
        showLayerBar(now);
        map.registerMap("map-" + drawnParent, region.childrenGeoJson(drawnParent));
        map.setOption(option("map-" + drawnParent, drawn, figures.byChild(), leaf ? self : null, drawnLayers));
        showPanel(self, kids, figures, drawnLayers);
    }

    /** The figures with their alert counts (and the children coloured by alerts) of the department shown only. */
    private AreaFigures ofDepartment(AreaFigures all, boolean leaf) {
        if (department == null) {
            return all;
        }
        var departments = new io.gridpulse.warehouse.cases.CaseDepartments(context.warehouse());
        var byChild = all.byChild();
        if (indicator == Indicator.OPEN_ALERTS || indicator == Indicator.OPEN_BREACHES) {
            var kind = indicator == Indicator.OPEN_BREACHES ? AlertKind.SLA_BREACH : null;
            if (leaf) {
                long own = context.warehouse().alerts().openCount(area, department, kind);
                byChild = own == 0 ? Map.of() : Map.of(area.value(), own);
            } else {
                byChild = context.warehouse().alerts().openCountByChild(area, department, kind).stream()
                        .filter(c -> !c.areaCode().isEmpty())
                        .collect(Collectors.toUnmodifiableMap(c -> c.areaCode(), c -> c.events()));
            }
        }
        return new AreaFigures(all.eventsToday(), all.events7Days(), all.demandsToday(),
                context.warehouse().alerts().openCount(area, department, null), context.warehouse().alerts().openCount(area, department,
                        AlertKind.SLA_BREACH),
                byChild);
    }

    private void showBreadcrumb() {
        breadcrumb.removeAll();
        // from the user's own scope down: ancestors above the scope are not theirs to open
        var steps = region.lineage(area).stream().filter(a -> user.canSee(a.code())).toList();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            if (i > 0) {
                breadcrumb.add(new Span(" › "));
            }
            if (i == steps.size() - 1) {
                var here = new Span(name(step));
                here.getStyle().set("font-weight", "600");
                breadcrumb.add(here);
            } else {
                var link = new RouterLink(name(step), MapView.class, step.code().value());
                link.setQueryParameters(query(indicator));
                link.setId("crumb-" + step.code());
                breadcrumb.add(link);
            }
        }
    }

    private void showIndicators() {
        indicators.removeAll();
        indicators.add(new Span(getTranslation("map.colour-by") + " "));
        for (var candidate : Indicator.values()) {
            var button = new Button(getTranslation("map.indicator." + candidate.id()), click -> {
                indicator = candidate;
                UI.getCurrent().navigate("map/" + area.value(), query(candidate));
            });
            button.setId("indicator-" + candidate.id());
            button.addThemeVariants(candidate == indicator ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            indicators.add(button);
        }
    }

    /** The layer toggles and, while the heat layer is shown, its demand type and time range. */
    private void showLayerBar(Instant now) {
        layerBar.removeAll();
        layerBar.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "baseline")
                .set("gap", "var(--lumo-space-s)");
        layerBar.add(new Span(getTranslation("map.layers")));
        for (var layer : MapLayer.values()) {
            if (layer == MapLayer.BREACHES && !user.may(Permission.VIEW_ALERTS)) {
                continue;
            }
            var toggle = new Checkbox(getTranslation("map.layer." + layer.id()), layers.shows(layer));
            toggle.setId("layer-" + layer.id());
            toggle.addValueChangeListener(change -> {
                layers = layers.with(layer, change.getValue());
                UI.getCurrent().navigate("map/" + area.value(), query(indicator));
            });
            layerBar.add(toggle);
        }
        if (layers.shows(MapLayer.HEAT)) {
            var types = new ArrayList<String>();
            types.add("");
            types.addAll(mapLayers.demandTypes(area, layers.range(), now));
            if (layers.demandType() != null && !types.contains(layers.demandType())) {
                types.add(layers.demandType());
            }
            var type = new Select<String>();
            type.setId("heat-type");
            type.setAriaLabel(getTranslation("map.heat.type"));
            type.setItems(types);
            type.setItemLabelGenerator(t -> t.isEmpty() ? getTranslation("map.heat.all-types") : mapLayers.demandTypeName(t));
            type.setValue(layers.demandType() == null ? "" : layers.demandType());
            type.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    layers = layers.withDemandType(change.getValue());
                    UI.getCurrent().navigate("map/" + area.value(), query(indicator));
                }
            });
            var range = new Select<HeatRange>();
            range.setId("heat-range");
            range.setAriaLabel(getTranslation("map.heat.range"));
            range.setItems(HeatRange.values());
            range.setItemLabelGenerator(r -> getTranslation("map.heat.range." + r.id()));
            range.setValue(layers.range());
            range.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    layers = layers.withRange(change.getValue());
                    UI.getCurrent().navigate("map/" + area.value(), query(indicator));
                }
            });
            var group = new Select<String>();
            group.setId("heat-group");
            group.setAriaLabel(getTranslation("map.heat.group"));
            var groups = new ArrayList<String>();
            groups.add("");
            groups.addAll(LayerChoice.GROUPS);
            group.setItems(groups);
            group.setItemLabelGenerator(g -> getTranslation(g.isEmpty() ? "map.heat.all-groups" : "map.group." + g));
            group.setValue(layers.group() == null ? "" : layers.group());
            // a group's heat counts its residents' demands of every type
            type.setEnabled(layers.group() == null);
            group.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    layers = layers.withGroup(change.getValue());
                    UI.getCurrent().navigate("map/" + area.value(), query(indicator));
                }
            });
            layerBar.add(type, group, range);
        }
        if (user.department() == null && user.may(Permission.VIEW_ALERTS)) {
            var choice = new Select<String>();
            choice.setId("map-department");
            choice.setAriaLabel(getTranslation("map.department"));
            var codes = new ArrayList<String>();
            codes.add("");
            codes.addAll(Departments.CODES);
            if (department != null && !codes.contains(department)) {
                codes.add(department);
            }
            choice.setItems(codes);
            choice.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("map.department.all") : departmentName(d));
            choice.setValue(department == null ? "" : department);
            choice.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    department = change.getValue() == null || change.getValue().isEmpty() ? null : change.getValue();
                    UI.getCurrent().navigate("map/" + area.value(), query(indicator));
                }
            });
            layerBar.add(choice);
        }
    }

    private String departmentName(String code) {
        return Languages.textOr("department." + code, code);
    }

    /** The URL's query: the indicator, the layers shown and the heat layer's filters. */
    private QueryParameters query(Indicator by) {
        var parameters = new LinkedHashMap<String, List<String>>();
        parameters.put("by", List.of(by.id()));
        parameters.putAll(layers.parameters());
        if (department != null && user.department() == null) {
            // a department head's own department is never in the URL: it comes from their account
            parameters.put(io.gridpulse.cockpit.alerts.AlertInboxView.DEPARTMENT_PARAMETER, List.of(department));
        }
        return new QueryParameters(parameters);
    }

    private void showPanel(Area self, List<Area> kids, AreaFigures figures, MapLayers.Drawn drawnLayers) {
        panel.removeAll();
        var title = new H2(name(self));
        title.setId("map-area-name");
        panel.add(title, new Span(getTranslation("level." + self.level().name().toLowerCase()) + " · " + self.code()));
        // events today and this week count every event (device reports, visits, tickets ...): no case list is
        // honestly behind them. Alerts name cases in real time: a role without the inbox gets plain numbers.
        var alertsShown = user.may(Permission.VIEW_ALERTS);
        panel.add(figure("today", figures.eventsToday(), null), figure("week", figures.events7Days(), null),
                figure("demands", figures.demandsToday(), CaseFigure.DEMANDS),
                figure("alerts", figures.openAlerts(), alertsShown ? CaseFigure.ALERTS : null),
                figure("breaches", figures.openBreaches(), alertsShown ? CaseFigure.BREACHES : null));
        panelCases.removeAll();
        panelCases.setVisible(false);
        panel.add(panelCases);
        if (!drawnLayers.summary().isEmpty()) {
            var summary = new Div();
            summary.setId("layer-summary");
            summary.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            for (var layer : MapLayer.values()) {
                var line = drawnLayers.summary().get("layer-summary-" + layer.id());
                if (line != null) {
                    var row = new Div(new Span(line));
                    row.setId("layer-summary-" + layer.id());
                    summary.add(row);
                }
            }
            panel.add(summary);
        }
        if (!kids.isEmpty()) {
            var rows = new LinkedHashMap<Area, Long>();
            kids.stream().sorted(Comparator.comparing((Area a) -> -figures.byChild().getOrDefault(a.code().value(), 0L))
                            .thenComparing(Area::code))
                    .forEach(a -> rows.put(a, figures.byChild().getOrDefault(a.code().value(), 0L)));
            children.setItems(List.copyOf(rows.entrySet()));
            var caption = new Span(getTranslation("map.children", getTranslation("map.indicator." + indicator.id())));
            panel.add(caption, children);
            panel.setFlexGrow(1, children);
        }
        if (user.may(Permission.EXPORT)) {
            panel.add(exportLink(self, kids, figures));
        }
    }

    private Div figure(String key, long value, CaseFigure cases) {
        var label = new Span(getTranslation("map.figure." + key));
        com.vaadin.flow.component.Component number;
        if (cases == null) {
            number = new Span(numbers.format(value));
        } else {
            var button = new Button(numbers.format(value), click -> showCases(cases));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.getElement().setAttribute("title", getTranslation("map.cases.show"));
            button.setAriaLabel(getTranslation("map.figure." + key) + " " + numbers.format(value) + " · " + getTranslation("map.cases.show"));
            button.getStyle().set("text-decoration", "underline dotted");
            number = button;
        }
        number.setId("figure-" + key);
        number.getElement().getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)");
        return new Div(label, new Span(" "), number);
    }

    /** The figures with a case list behind them: which cases, raised when. */
    private enum CaseFigure {
        DEMANDS("demands", CasePeriod.TODAY, CaseFilter.Alerting.EVERY_CASE),
        // an alert stays open however old its case is
        ALERTS("alerts", CasePeriod.ALL, CaseFilter.Alerting.OPEN_ALERT),
        BREACHES("breaches", CasePeriod.ALL, CaseFilter.Alerting.OPEN_BREACH);

        final String id;
        final CasePeriod period;
        final CaseFilter.Alerting alerting;

        CaseFigure(String id, CasePeriod period, CaseFilter.Alerting alerting) {
            this.id = id;
            this.period = period;
            this.alerting = alerting;
        }
    }

    /** At most this many cases in the panel; the link opens the full list. */
    static final int PANEL_CASES = 50;
    private static final java.time.format.DateTimeFormatter RAISED = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /**
     * Lists under the figures the cases behind one of them, in the area on screen (checked against the scope in
     * setParameter), of the department shown, and of the heat layer's population group when it has one.
     */
    private void showCases(CaseFigure figure) {
        var group = layers.shows(MapLayer.HEAT) ? layers.group() : null;
        var query = new CaseListQuery(area, figure.period, department, group, figure.alerting, null);
        var zone = context.zone();
        var today = context.today();
        var queries = new CaseQueries(context.warehouse());
        var rows = queries.cases(query.filter(today, zone, PANEL_CASES));
        long total = rows.size() < PANEL_CASES ? rows.size() : queries.count(query.filter(today, zone, 1));
        context.audit().append(user.name(), "view", "/map/" + area + " cases behind " + figure.id);

        panelCases.removeAll();
        panelCases.setId("panel-cases");
        panelCases.getElement().setAttribute("data-figure", figure.id);
        panelCases.setWidthFull();
        panelCases.getStyle().set("box-sizing", "border-box").set("flex-shrink", "0")
                .set("border-top", "1px solid var(--lumo-contrast-20pct)").set("padding-top", "var(--lumo-space-xs)");
        var title = new Span(getTranslation("map.cases.title." + figure.id));
        title.setId("panel-cases-title");
        title.getStyle().set("font-weight", "600");
        var close = new Button(getTranslation("map.cases.close"), click -> {
            panelCases.removeAll();
            panelCases.setVisible(false);
        });
        close.setId("panel-cases-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        var header = new Div(title, close);
        header.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "baseline")
                .set("gap", "var(--lumo-space-s)");
        panelCases.add(header);

        var notes = new ArrayList<String>();
        if (department != null) {
            notes.add(getTranslation("map.cases.department", departmentName(department)));
            if (figure == CaseFigure.DEMANDS) {
                notes.add(getTranslation("map.cases.note.demands-department", departmentName(department)));
            }
        }
        if (group != null) {
            notes.add(getTranslation("map.cases.note.group", getTranslation("map.group." + group)));
        }
        if (figure != CaseFigure.DEMANDS) {
            notes.add(getTranslation("map.cases.note.alerts"));
        }
        if (!notes.isEmpty()) {
            var note = new Div(new Span(String.join(" ", notes)));
            note.setId("panel-cases-note");
            note.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                    .set("line-height", "var(--lumo-line-height-xs)");
            panelCases.add(note);
        }

        var list = new Div();
        list.setId("panel-cases-list");
        list.getStyle().set("max-height", "16em").set("overflow-y", "auto").set("font-size", "var(--lumo-font-size-s)");
        if (rows.isEmpty()) {
            list.add(new Span(getTranslation("map.cases.none")));
        }
        for (var row : rows) {
            list.add(caseLine(row, zone));
        }
        panelCases.add(list);

        var count = new Span(rows.size() < total
                ? getTranslation("map.cases.count.capped", numbers.format(rows.size()), numbers.format(total))
                : getTranslation("map.cases.count", numbers.format(total)));
        count.setId("panel-cases-count");
        var all = new RouterLink(getTranslation("map.cases.all"), CasesView.class);
        // as in the map's own URL, a department head's department is not written in it: it comes from their account
        all.setQueryParameters((user.department() == null ? query : query.withDepartment(null)).parameters());
        all.setId("panel-cases-all");
        var footer = new Div(count, all);
        footer.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-s)")
                .set("font-size", "var(--lumo-font-size-s)").set("padding-top", "var(--lumo-space-xs)");
        panelCases.add(footer);
        panelCases.setVisible(true);
    }

    /** One case: its id (to the case page), type and open breaches; below, when raised and its latest step. */
    private Div caseLine(CaseRow row, java.time.ZoneId zone) {
        var link = new RouterLink(row.caseId(), CaseView.class, new RouteParameters("caseId", row.caseId()));
        link.addClassName("panel-case");
        link.getElement().setAttribute("data-case", row.caseId());
        var first = new Div(link, new Span(" " + label("cases.type.", row.demandType())));
        if (row.openBreaches() > 0) {
            var breaches = new Span(getTranslation("map.cases.breaches", row.openBreaches()));
            breaches.getElement().getThemeList().add("badge error small");
            breaches.getStyle().set("margin-left", "var(--lumo-space-xs)");
            first.add(breaches);
        }
        var second = new Div(new Span(RAISED.withZone(zone).format(row.createdAt()) + " · "
                + label("cases.step.", row.latestStep())));
        second.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        var line = new Div(first, second);
        line.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-5pct)");
        return line;
    }

    /** The translation of a coded value, or the code itself when it has none (as the case list shows it). */
    private String label(String prefix, String code) {
        return Languages.label(prefix, code);
    }

    private Anchor exportLink(Area self, List<Area> kids, AreaFigures figures) {
        var exported = area;
        var by = indicator;
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

    private void drill(String nameOrCode) {
        var code = drawnByName.get(nameOrCode);
        if (code != null && !code.equals(area)) {
            drill(code);
        }
    }

    private void drill(AreaCode code) {
        // the navigation goes through the access guard and setParameter again, so the scope is checked on the server
        UI.getCurrent().navigate("map/" + code.value(), query(indicator));
    }

    private String option(String mapName, List<Area> drawn, Map<String, Long> values, Area selected, MapLayers.Drawn drawnLayers) {
        long max = indicator.percent() ? 100 : Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        var data = drawn.stream()
                .filter(a -> selected == null || a.code().equals(selected.code()))
                // a percentage has no value where nothing is registered: such areas stay uncoloured
                .filter(a -> !indicator.percent() || values.containsKey(a.code().value()))
                .map(a -> "{\"name\":" + json(name(a)) + ",\"value\":" + values.getOrDefault(a.code().value(), 0L) + "}")
                .collect(Collectors.joining(","));
        var regions = selected == null ? "" : "{\"name\":" + json(name(selected)) + ",\"selected\":true}";
        // low coverage is the bad end; for counts, many is
        var scale = indicator.percent() ? List.of(0xc62828, 0xff7043, 0xffd54f, 0x9ccc65, 0x2e7d32)
                : List.of(0xe3f2fd, 0x64b5f6, 0xffd54f, 0xff7043, 0xc62828);
        // under the heat the areas' colours fade, or a red area would hide a red blob
        double alpha = layers.shows(MapLayer.HEAT) ? 0.4 : 1;
        var colours = scale.stream().map(rgb -> "\"rgba(%d,%d,%d,%s)\"".formatted(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff, alpha))
                .collect(Collectors.joining(","));
        var legend = drawnLayers.legend().stream().map(MapView::json).collect(Collectors.joining(","));
        // one geo component draws the regions; the map series colours them, the layers' series draw on them
        return """
                {"tooltip":{"trigger":"item"},
                 "legend":{"show":%s,"data":[%s],"orient":"vertical","right":10,"top":10,"backgroundColor":"rgba(255,255,255,0.85)",
                   "borderColor":"#b0bec5","borderWidth":1,"padding":8,"itemGap":6,"textStyle":{"fontSize":12}},
                 "visualMap":[{"seriesIndex":0,"min":0,"max":%d,"left":"left","bottom":10,"calculable":true,"text":[%s,%s],
                   "inRange":{"color":[%s]}},
                   %s],
                 "geo":{"map":%s,"roam":true,"aspectScale":0.9,"selectedMode":"single",
                   "labelLayout":{"hideOverlap":true},"label":{"show":true,"fontSize":12},
                   "itemStyle":{"borderColor":"#546e7a","borderWidth":1,"areaColor":"#eceff1"},
                   "emphasis":{"itemStyle":{"areaColor":"#ffb300"}},
                   "select":{"itemStyle":{"areaColor":"#ff8f00"}},
                   "regions":[%s]},
                 "series":[{"id":"areas","type":"map","geoIndex":0,"data":[%s]},
                   %s]}
                """.formatted(!legend.isEmpty(), legend, max, json(getTranslation("wall.map.high") + (indicator.percent() ? " 100%" : "")),
                json(getTranslation("wall.map.low") + (indicator.percent() ? " 0%" : "")), colours, drawnLayers.heatVisualMap(),
                json(mapName), regions, data, drawnLayers.series());
    }

    private String name(Area area) {
        return area.displayName(english);
    }

    private static String json(String s) {
        return io.gridpulse.cockpit.charts.Json.string(s);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("map.title") + (area == null ? "" : " · " + region.area(area).map(this::name).orElse(""));
    }
}
