package io.gridpulse.cockpit.alerts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.warehouse.AlertRow;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The watcher's inbox: the newest SLA alerts, live. Open alerts first in colour; cleared ones stay
 * visible, greyed, so a watcher sees that a case moved on. Only alerts inside the user's scope are
 * read from the warehouse. Acknowledging and assigning come with the control topic.
 */
@Route(value = "alerts", layout = MainLayout.class)
@Requires(Permission.VIEW_ALERTS)
public final class AlertInboxView extends VerticalLayout implements HasDynamicTitle {
    private final Grid<AlertRow> grid = new Grid<>();
    private final Span openCount = new Span();
    private final AreaCode scope = SignedIn.required().scope();
    private Runnable unsubscribe;

    public AlertInboxView() {
        setSizeFull();
        var context = CockpitContext.get();
        var locale = Languages.current();
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(context.zone());
        var english = locale.getLanguage().equals("en");
        openCount.setId("open-alerts");
        grid.setId("alert-inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(this::badge).setHeader(getTranslation("alerts.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> policyName(a.policyId())).setHeader(getTranslation("alerts.policy")).setFlexGrow(3);
        grid.addColumn(AlertRow::caseId).setHeader(getTranslation("alerts.case")).setFlexGrow(2);
        grid.addColumn(a -> {
            var area = context.areaNames().get(a.streetCode());
            return area == null ? a.streetCode() : english && area.nameEn() != null ? area.nameEn() : area.name();
        }).setHeader(getTranslation("alerts.street")).setFlexGrow(2);
        grid.addColumn(a -> OnScreen.mask(a.detail())).setHeader(getTranslation("alerts.detail")).setFlexGrow(3);
        grid.addColumn(a -> format(time, a.deadline())).setHeader(getTranslation("alerts.deadline")).setFlexGrow(2);
        grid.addColumn(a -> format(time, a.raisedAt())).setHeader(getTranslation("alerts.raised")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation("alerts.status." + a.status())).setHeader(getTranslation("alerts.status")).setFlexGrow(1);
        grid.setPartNameGenerator(a -> AlertRow.CLEARED.equals(a.status()) ? "cleared" : null);
        add(new H1(getTranslation("alerts.title")), openCount, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        unsubscribe = CockpitContext.get().live().alertsWithin(scope).subscribe(alerts -> ui.access(() -> show(alerts)));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void show(List<AlertRow> alerts) {
        // open alerts on top, newest first within each group
        var ordered = alerts.stream()
                .sorted(java.util.Comparator.comparing((AlertRow a) -> AlertRow.CLEARED.equals(a.status()))
                        .thenComparing(AlertRow::raisedAt, java.util.Comparator.reverseOrder()))
                .toList();
        grid.setItems(ordered);
        openCount.setText(getTranslation("alerts.open", alerts.stream().filter(a -> AlertRow.OPEN.equals(a.status())).count()));
    }

    private Span badge(AlertRow alert) {
        var badge = new Span(getTranslation("alerts.kind." + alert.kind(), alert.level()));
        var theme = switch (alert.severity()) {
            case "warning" -> "badge contrast";
            case "major" -> "badge error";
            case "critical" -> "badge error primary";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(AlertRow.CLEARED.equals(alert.status()) ? "badge success" : theme);
        return badge;
    }

    private String policyName(String policyId) {
        var key = "policy." + policyId;
        var name = getTranslation(key);
        return name.startsWith("!{") || name.equals(key) ? policyId : name;
    }

    private static String format(DateTimeFormatter time, Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title");
    }
}
