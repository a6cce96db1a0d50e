package io.gridpulse.cockpit.cases;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.warehouse.cases.CaseFile;
import io.gridpulse.warehouse.cases.CaseFiles;
import io.gridpulse.warehouse.notify.DeliveryLog;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One case ({@code /cases/<caseId>}): what it is about, its SLA clocks with their deadlines, and its
 * timeline: every step and who took it, the ratings of it, the alerts its clocks raised and what
 * people did about them. The case is read inside the signed-in user's scope and department on the
 * server; a case outside them reads as not found, exactly like an id that does not exist. Users who
 * may not see alerts (analysts) get the steps and clocks without the alert lines. Every view is audited.
 */
@Route(value = "cases/:caseId", layout = MainLayout.class)
@Requires(Permission.EXPLORE_MAP)
public final class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final CockpitUser user = SignedIn.required();
    private final CockpitContext context = CockpitContext.get();
    private final boolean english = Languages.current().getLanguage().equals("en");
    private String title = "";

    public CaseView() {
        setWidthFull();
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var caseId = event.getRouteParameters().get("caseId").orElse("");
        title = getTranslation("case.title", caseId);
        var back = new RouterLink(getTranslation("case.back"), CasesView.class);
        back.setId("case-back");
        var file = new CaseFiles(context.warehouse()).open(caseId, user.scope(), user.department());
        context.audit().append(user.name(), file.isPresent() ? "view" : "refused", "case " + caseId);
        if (file.isEmpty()) {
            var missing = new Paragraph(getTranslation("case.not_found", caseId));
            missing.setId("case-not-found");
            add(back, new H1(title), missing);
            return;
        }
        show(file.get(), back);
    }

    private void show(CaseFile file, RouterLink back) {
        var summary = CaseSummary.of(file);
        var heading = new H1(title);
        heading.setId("case-title");
        var step = badge(label("cases.step.", summary.latestStep()), summary.closed() ? "badge success" : "badge");
        step.setId("case-step");
        var facts = new Div();
        facts.setId("case-facts");
        facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "0.25em 1.5em");
        fact(facts, "cases.column.type", label("map.demand-type.", summary.demandType()));
        fact(facts, "cases.column.class", label("cases.class.", summary.demandClass()));
        fact(facts, "cases.column.channel", label("cases.channel.", summary.channel()));
        fact(facts, "cases.column.street", place(summary));
        fact(facts, "cases.column.created", format(summary.createdAt()));
        fact(facts, "cases.column.department", label("department.", file.department()));
        fact(facts, "cases.column.description", OnScreen.mask(summary.description()));

        var clocks = new Grid<CaseClocks.Clock>();
        clocks.setId("case-clocks");
        clocks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        clocks.setAllRowsVisible(true);
        clocks.addColumn(c -> label("policy.", c.policyId())).setHeader(getTranslation("alerts.policy")).setFlexGrow(3);
        clocks.addColumn(c -> format(c.deadline()) + (c.provisional() ? " " + getTranslation("case.clock.provisional",
                c.provisionalYears()) : "")).setHeader(getTranslation("alerts.deadline")).setFlexGrow(2);
        clocks.addComponentColumn(this::clockState).setHeader(getTranslation("alerts.status")).setFlexGrow(2);
        clocks.addColumn(c -> format(c.since())).setHeader(getTranslation("case.clock.since")).setFlexGrow(2);
        var withAlerts = user.may(Permission.VIEW_ALERTS);
        // an analyst sees the deadlines but not the alerts: the clocks of the rules alone
        clocks.setItems(CaseClocks.of(summary.createdAt(), summary.demandClass(),
                withAlerts ? file.alerts() : java.util.List.of(),
                new DeadlineCalculator(context.calendars().calendar(), context.zone())));

        var timeline = new Div();
        timeline.setId("case-timeline");
        var alertIds = file.alerts().stream().map(io.gridpulse.model.alerts.Alert::alertId).toList();
        var deliveries = withAlerts && !alertIds.isEmpty() ? new DeliveryLog(context.warehouse()).forAlerts(alertIds)
                : java.util.List.<DeliveryLog.Attempt>of();
        for (var entry : CaseTimeline.of(file, withAlerts, code -> label("department.", code), deliveries).entries()) {
            timeline.add(line(entry));
        }
        add(back, heading, step, facts, new H2(getTranslation("case.clocks")), clocks,
                new H2(getTranslation("case.timeline")), timeline);
    }

    private Div line(CaseTimeline.Entry entry) {
        var when = new Span(format(entry.at()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "9em");
        var what = new Span(label("", entry.what()) + (entry.policy().isEmpty() ? "" : " · " + label("policy.", entry.policy())));
        what.getStyle().set("font-weight", "600");
        var who = new Span(entry.who());
        who.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var detail = new Span(OnScreen.mask(entry.detail()));
        var line = new Div(when, what, who, detail);
        line.addClassName("case-line");
        line.getElement().setAttribute("data-what", entry.what());
        line.getStyle().set("display", "flex").set("gap", "1em").set("flex-wrap", "wrap")
                .set("padding", "0.4em 0 0.4em 1em").set("border-left", "3px solid " + colour(entry.what()));
        return line;
    }

    private static String colour(String what) {
        if (what.startsWith("case.alert.raised.sla_warning")) {
            return "var(--lumo-warning-color, #e8a33d)";
        }
        if (what.startsWith("case.alert.raised")) {
            return "var(--lumo-error-color)";
        }
        if (what.startsWith("case.alert.cleared") || what.equals("case.step.closed")) {
            return "var(--lumo-success-color)";
        }
        return what.startsWith("case.action") ? "var(--lumo-primary-color)" : "var(--lumo-contrast-30pct)";
    }

    private Span clockState(CaseClocks.Clock clock) {
        var text = getTranslation("case.clock." + clock.state().name().toLowerCase(java.util.Locale.ROOT), clock.level());
        return badge(text, switch (clock.state()) {
            case QUIET -> "badge contrast";
            case CLEARED -> "badge success";
            case WARNING -> "badge";
            case BREACHED, ESCALATED -> "badge error";
        });
    }

    private void fact(Div facts, String key, String value) {
        var name = new Span(getTranslation(key));
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        facts.add(name, new Span(value == null || value.isEmpty() ? "—" : value));
    }

    private String place(CaseSummary summary) {
        var street = areaName(summary.streetCode());
        var grid = summary.gridCode().isEmpty() ? "" : " · " + areaName(summary.gridCode());
        return street + grid;
    }

    private String areaName(String code) {
        var area = context.areaNames().get(code);
        return area == null ? code : area.displayName(english);
    }

    private static Span badge(String text, String theme) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private String format(Instant at) {
        return at == null ? "" : TIME.withZone(context.zone()).format(at);
    }

    /** The translation of a coded value, or the code itself when it has none. */
    private String label(String prefix, String code) {
        return Languages.label(prefix, code);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
