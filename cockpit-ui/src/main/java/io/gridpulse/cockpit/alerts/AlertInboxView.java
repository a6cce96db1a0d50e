package io.gridpulse.cockpit.alerts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.warehouse.AlertRow;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The watcher's inbox: the newest SLA alerts, live. Open alerts first in colour; cleared ones stay
 * visible, greyed, so a watcher sees that a case moved on. Only alerts inside the user's scope are
 * read from the warehouse. Users who may handle alerts acknowledge them here; the action is checked
 * again on the server (permission and the alert's area), recorded in alert_actions and audited.
 */
@Route(value = "alerts", layout = MainLayout.class)
@Requires(Permission.VIEW_ALERTS)
public final class AlertInboxView extends VerticalLayout implements HasDynamicTitle {
    private final Grid<AlertRow> grid = new Grid<>();
    private final Span openCount = new Span();
    private final CockpitUser user = SignedIn.required();
    private final AreaCode scope = user.scope();
    private final AlertActions actions = new AlertActions(CockpitContext.get().warehouse());
    private java.util.Set<String> acknowledged = java.util.Set.of();
    private List<AlertRow> shown = List.of();
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
        grid.addComponentColumn(this::handling).setHeader(getTranslation("alerts.handling")).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(a -> AlertRow.CLEARED.equals(a.status()) ? "cleared" : null);
        add(new H1(getTranslation("alerts.title")), openCount, grid);
        setFlexGrow(1, grid);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        unsubscribe = CockpitContext.get().live().alertsWithin(scope).subscribe(alerts -> {
            // read outside the UI lock: the acknowledgements of what is about to be shown
            var acked = actions.acknowledged(alerts.stream().map(AlertRow::alertId).toList());
            ui.access(() -> {
                acknowledged = acked;
                show(alerts);
            });
        });
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
        shown = ordered;
        grid.setItems(ordered);
        openCount.setText(getTranslation("alerts.open", alerts.stream().filter(a -> AlertRow.OPEN.equals(a.status())).count()));
    }

    /** Acknowledged, or a button to acknowledge for users who may handle alerts. */
    private com.vaadin.flow.component.Component handling(AlertRow alert) {
        if (acknowledged.contains(alert.alertId())) {
            var done = new Span(getTranslation("alerts.acknowledged"));
            done.getElement().getThemeList().add("badge success");
            return done;
        }
        if (!user.may(Permission.HANDLE_ALERTS) || AlertRow.CLEARED.equals(alert.status())) {
            return new Span();
        }
        var button = new Button(getTranslation("alerts.acknowledge"), click -> acknowledge(alert));
        button.setId("ack-" + alert.alertId().replaceAll("[^A-Za-z0-9_-]", "_"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** Checked here on the server whatever the browser sent: the permission and the alert's area. */
    private void acknowledge(AlertRow alert) {
        var area = AreaCode.parse(alert.gridCode() != null && !alert.gridCode().isEmpty() ? alert.gridCode()
                : alert.streetCode()).orElse(null);
        if (!user.may(Permission.HANDLE_ALERTS) || area == null || !scope.contains(area)) {
            CockpitContext.get().audit().append(user.name(), "refused", "acknowledge " + alert.alertId());
            Notification.show(getTranslation("alerts.acknowledge.refused"));
            return;
        }
        var now = Instant.now();
        actions.record(new AlertAction(java.util.UUID.randomUUID().toString(), alert.alertId(), AlertAction.ACKNOWLEDGE,
                user.name(), null, null, now, alert.countyCode(), alert.streetCode(), alert.communityCode(), alert.gridCode()));
        CockpitContext.get().audit().append(user.name(), "acknowledge", alert.alertId());
        var updated = new java.util.HashSet<>(acknowledged);
        updated.add(alert.alertId());
        acknowledged = java.util.Set.copyOf(updated);
        grid.getDataProvider().refreshAll();
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
