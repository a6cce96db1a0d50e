package io.gridpulse.cockpit.cases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.export.Exports;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.cases.CaseFilter;
import io.gridpulse.warehouse.cases.CaseQueries;
import io.gridpulse.warehouse.cases.CaseRow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The case list ({@code /cases}): the demand cases raised in the user's scope in a period, searchable
 * by case id and description, sortable by every column, with CSV and Excel exports for users who may
 * export. The scope always comes from the signed-in user on the server, never from the page; personal
 * identifiers in descriptions are masked on screen and in the exports.
 *
 * <p>The URL may narrow the list ({@link CaseListQuery}: area, period, department, population group, open alerts or
 * breaches only, search), as the map's side panel does for the cases behind a number; a parameter never widens it:
 * an area outside the scope is refused (audited) and the whole scope listed, and what cannot be honoured is named
 * in a notice.
 */
@Route(value = "cases", layout = MainLayout.class)
@Requires(Permission.EXPLORE_MAP)
public final class CasesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    /** At most this many cases on screen; the exports take up to {@link CaseFilter#MAX_LIMIT}. */
    static final int SHOWN = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CockpitUser user = SignedIn.required();
    private final CockpitContext context = CockpitContext.get();
    private final CaseQueries queries = new CaseQueries(context.warehouse());
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final Grid<CaseRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Div filters = new Div();
    private final Div notice = new Div();
    private final HorizontalLayout bar;
    private final List<Anchor> exports = new ArrayList<>();
    private final Map<CasePeriod, Button> periodButtons = new EnumMap<>(CasePeriod.class);
    /** What the page shows: read by the download handlers when an export is made. */
    private volatile CaseListQuery selection = CaseListQuery.of(user);

    public CasesView() {
        setSizeFull();
        search.setId("case-search");
        search.setPlaceholder(getTranslation("cases.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                choose(selection.withSearch(e.getValue()));
            }
        });
        bar = new HorizontalLayout(search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (var period : CasePeriod.values()) {
            var button = new Button(getTranslation("cases.period." + period.id()),
                    click -> choose(selection.withPeriod(period)));
            button.setId("period-" + period.id());
            periodButtons.put(period, button);
            bar.add(button);
        }
        count.setId("case-count");
        bar.add(count);
        filters.setId("cases-filters");
        filters.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline").set("font-size", "var(--lumo-font-size-s)");
        notice.setId("cases-notice");
        notice.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");

        grid.setId("case-list");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> {
                    var link = new RouterLink(c.caseId(), CaseView.class, new RouteParameters("caseId", c.caseId()));
                    link.addClassName("case-link");
                    return link;
                }).setHeader(getTranslation("cases.column.case")).setSortable(true)
                .setComparator(Comparator.comparing(CaseRow::caseId)).setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        time(CaseRow::createdAt, "created");
        text(c -> areaName(c.streetCode()), "street");
        // the grid's 15-digit code is in the exports; on screen the street names the place
        text(c -> label("map.demand-type.", c.demandType()), "type");
        text(c -> label("cases.class.", c.demandClass()), "class");
        text(c -> label("cases.channel.", c.channel()), "channel");
        text(c -> label("department.", c.department()), "department");
        // the only column that may shrink and wrap: every other one is as wide as its widest cell
        text(c -> OnScreen.mask(c.description()), "description").setAutoWidth(false).setWidth("14em").setFlexGrow(1);
        text(c -> label("cases.step.", c.latestStep()), "step");
        time(CaseRow::latestAt, "latest");
        time(CaseRow::firstAnswerAt, "answered");
        time(CaseRow::closedAt, "closed");
        grid.addColumn(CaseRow::openBreaches).setHeader(getTranslation("cases.column.breaches")).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        add(new H1(getTranslation("cases.title")), bar, filters, notice, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = CaseListQuery.read(user, event.getLocation().getQueryParameters().getParameters(),
                code -> context.areaNames().containsKey(code));
        var notes = new ArrayList<String>();
        if (read.refusedArea() != null) {
            // as the map and the case page do: an area outside the scope is refused on the server and audited
            context.audit().append(user.name(), "refused", "/cases?area=" + read.refusedArea());
            notes.add(getTranslation("cases.notice.area", read.refusedArea()));
        }
        if (!read.ignored().isEmpty()) {
            notes.add(getTranslation("cases.notice.ignored", String.join(", ", read.ignored())));
        }
        notice.setText(String.join(" ", notes));
        notice.setVisible(!notes.isEmpty());
        search.setValue(read.query().search() == null ? "" : read.query().search());
        exports.forEach(bar::remove);
        exports.clear();
        if (user.may(Permission.EXPORT)) {
            exports.add(exportLink("csv", read.query().area()));
            exports.add(exportLink("xlsx", read.query().area()));
            exports.forEach(bar::add);
        }
        show(read.query());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.title") + " · " + getTranslation("app.title");
    }

    /** Shows what the user chose on the page and puts it in the URL, so that a reload or a bookmark keeps it. */
    private void choose(CaseListQuery chosen) {
        show(chosen);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("cases", chosen.parameters())));
    }

    private void show(CaseListQuery chosen) {
        selection = chosen;
        showFilters(chosen);
        periodButtons.forEach((period, button) -> {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (period == chosen.period()) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        var rows = read(chosen, SHOWN);
        grid.setItems(rows);
        count.setText(getTranslation(rows.size() >= SHOWN ? "cases.count.capped" : "cases.count", rows.size()));
    }

    /** The narrowing filters in force, each named, with a way back to the whole list. */
    private void showFilters(CaseListQuery chosen) {
        filters.removeAll();
        if (!chosen.area().equals(user.scope())) {
            filters.add(chip("cases-filter-area", getTranslation("cases.filter.area", areaName(chosen.area().value()))));
        }
        if (chosen.department() != null && user.department() == null) {
            filters.add(chip("cases-filter-department", getTranslation("cases.filter.department",
                    label("department.", chosen.department()))));
        }
        if (chosen.group() != null) {
            filters.add(chip("cases-filter-group", getTranslation("cases.filter.group", getTranslation("map.group." + chosen.group()))));
        }
        if (chosen.alerting() != CaseFilter.Alerting.EVERY_CASE) {
            filters.add(chip("cases-filter-alerts", getTranslation(chosen.alerting() == CaseFilter.Alerting.OPEN_BREACH
                    ? "cases.filter.alerts.breaches" : "cases.filter.alerts.open")));
        }
        if (filters.getComponentCount() > 0) {
            var clear = new RouterLink(getTranslation("cases.filter.clear"), CasesView.class);
            clear.setId("cases-filter-clear");
            filters.add(clear);
        }
        filters.setVisible(filters.getComponentCount() > 0);
    }

    private static Span chip(String id, String text) {
        var chip = new Span(text);
        chip.setId(id);
        chip.getElement().getThemeList().add("badge contrast");
        return chip;
    }

    /** The cases of the user's scope and department: the URL may only narrow them (see {@link CaseListQuery#read}). */
    private List<CaseRow> read(CaseListQuery chosen, int limit) {
        ZoneId zone = context.zone();
        return queries.cases(chosen.filter(context.today(), zone, limit));
    }

    private Anchor exportLink(String format, AreaCode area) {
        var csv = format.equals("csv");
        var fileName = "gridpulse-cases-" + area + "." + format;
        var handler = Exports.guarded(user, area, "/cases?scope=" + user.scope()
                + (area.equals(user.scope()) ? "" : "&area=" + area) + " " + format, fileName,
                csv ? Exports.CSV : Exports.XLSX, out -> {
                    var rows = read(selection, CaseFilter.MAX_LIMIT).stream().map(this::exportRow).toList();
                    if (csv) {
                        out.write(Exports.csv(HEADER, rows));
                    } else {
                        Exports.xlsx(out, "cases", HEADER, rows);
                    }
                });
        var link = new Anchor(handler, getTranslation("cases.export." + format));
        link.setId("cases-export-" + format);
        return link;
    }

    /** Export columns: stable machine names, so that the weekly dispatch's spreadsheets keep working. */
    private static final List<String> HEADER = List.of("case_id", "created", "street_code", "grid_code", "demand_type",
            "demand_class", "channel", "department", "description", "latest_step", "latest_at", "first_answer_at", "closed_at",
            "open_breaches");

    private List<Object> exportRow(CaseRow c) {
        var row = new ArrayList<Object>(HEADER.size());
        row.add(c.caseId());
        row.add(format(c.createdAt()));
        row.add(c.streetCode());
        row.add(c.gridCode());
        row.add(c.demandType());
        row.add(c.demandClass());
        row.add(c.channel());
        row.add(c.department());
        row.add(OnScreen.mask(c.description()));
        row.add(c.latestStep());
        row.add(format(c.latestAt()));
        row.add(format(c.firstAnswerAt()));
        row.add(format(c.closedAt()));
        row.add(c.openBreaches());
        return row;
    }

    private Grid.Column<CaseRow> text(Function<CaseRow, String> value, String key) {
        return grid.addColumn(value::apply).setHeader(getTranslation("cases.column." + key)).setSortable(true)
                .setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setResizable(true).setAutoWidth(true).setFlexGrow(0);
    }

    private void time(Function<CaseRow, Instant> value, String key) {
        grid.addColumn(c -> format(value.apply(c))).setHeader(getTranslation("cases.column." + key)).setSortable(true)
                .setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setAutoWidth(true).setFlexGrow(0);
    }

    private String format(Instant at) {
        return at == null ? "" : TIME.withZone(context.zone()).format(at);
    }

    private String areaName(String code) {
        var area = context.areaNames().get(code);
        return area == null ? code : area.displayName(english);
    }

    /** The translation of a coded value, or the code itself when it has none. */
    private String label(String prefix, String code) {
        return Languages.label(prefix, code);
    }
}
