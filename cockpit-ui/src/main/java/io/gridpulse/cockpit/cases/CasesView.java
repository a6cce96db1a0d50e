package io.gridpulse.cockpit.cases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import io.gridpulse.warehouse.cases.CaseFilter;
import io.gridpulse.warehouse.cases.CaseQueries;
import io.gridpulse.warehouse.cases.CaseRow;

import java.time.Instant;
import java.time.LocalDate;
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
 */
@Route(value = "cases", layout = MainLayout.class)
@Requires(Permission.EXPLORE_MAP)
public final class CasesView extends VerticalLayout implements HasDynamicTitle {
    /** At most this many cases on screen; the exports take up to {@link CaseFilter#MAX_LIMIT}. */
    static final int SHOWN = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The periods to choose from, each ending at the end of today (local time). */
    enum Period {
        TODAY("today", 1), WEEK("7d", 7), MONTH("30d", 30);

        final String id;
        final int days;

        Period(String id, int days) {
            this.id = id;
            this.days = days;
        }
    }

    /** What the page shows: read by the download handlers when an export is made. */
    private record Selection(Period period, String search) {}

    private final CockpitUser user = SignedIn.required();
    private final CockpitContext context = CockpitContext.get();
    private final CaseQueries queries = new CaseQueries(context.warehouse());
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final Grid<CaseRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Map<Period, Button> periodButtons = new EnumMap<>(Period.class);
    private volatile Selection selection = new Selection(Period.WEEK, null);

    public CasesView() {
        setSizeFull();
        search.setId("case-search");
        search.setPlaceholder(getTranslation("cases.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        search.addValueChangeListener(e -> show(new Selection(selection.period(), e.getValue())));
        var bar = new HorizontalLayout(search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (var period : Period.values()) {
            var button = new Button(getTranslation("cases.period." + period.id),
                    click -> show(new Selection(period, selection.search())));
            button.setId("period-" + period.id);
            periodButtons.put(period, button);
            bar.add(button);
        }
        count.setId("case-count");
        bar.add(count);
        if (user.may(Permission.EXPORT)) {
            bar.add(exportLink("csv"), exportLink("xlsx"));
        }

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
        text(c -> label("cases.type.", c.demandType()), "type");
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
        add(new H1(getTranslation("cases.title")), bar, grid);
        setFlexGrow(1, grid);
        show(selection);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.title") + " · " + getTranslation("app.title");
    }

    private void show(Selection chosen) {
        selection = chosen;
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

    /** The cases of the user's scope and department: neither is ever taken from the page. */
    private List<CaseRow> read(Selection chosen, int limit) {
        ZoneId zone = context.zone();
        var today = LocalDate.now(zone);
        var from = today.minusDays(chosen.period().days - 1L).atStartOfDay(zone).toInstant();
        var to = today.plusDays(1).atStartOfDay(zone).toInstant();
        return queries.cases(new CaseFilter(user.scope(), from, to, null, chosen.search(), user.department(), limit));
    }

    private Anchor exportLink(String format) {
        var csv = format.equals("csv");
        var fileName = "gridpulse-cases-" + user.scope() + "." + format;
        var handler = Exports.guarded(user, user.scope(), "/cases?scope=" + user.scope() + " " + format, fileName,
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
        return area == null ? code : english && area.nameEn() != null ? area.nameEn() : area.name();
    }

    /** The translation of a coded value, or the code itself when it has none. */
    private String label(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        var text = getTranslation(prefix + code);
        return text.startsWith("!") || text.equals(prefix + code) ? code : text;
    }
}
