package io.gridpulse.cockpit.alerts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.cases.CaseView;
import io.gridpulse.cockpit.live.LiveQueries.Inbox;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Departments;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertActions;
import io.gridpulse.warehouse.actions.AlertHandling;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The watcher's inbox: the newest alerts of the user's area, live. Open alerts first in colour; cleared
 * ones stay visible, greyed, so a watcher sees that a case moved on. Filters by status, kind and text
 * narrow what is shown. Each SLA alert links to its case. Users who may handle alerts acknowledge,
 * assign, comment on and escalate them here; every action is checked again on the server (permission
 * and the alert's area), recorded in alert_actions, audited, and shows on every screen of the area
 * within a second or two.
 *
 * <p>A department head sees only the alerts of the cases last assigned to their department (none of the
 * alerts about devices, visit clocks, halls or plaques, which belong to no department), and may act only
 * on those: the list, the open count, the header's unread count and every action are filtered on the
 * server. Users without a department narrow the inbox to one department with {@code ?dept=<code>}; the
 * same parameter from a department head's browser is ignored (it can neither widen nor move their view).
 */
@Route(value = "alerts", layout = MainLayout.class)
@Requires(Permission.VIEW_ALERTS)
public final class AlertInboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    /** The URL parameter of the department filter. */
    public static final String DEPARTMENT_PARAMETER = "dept";
    static final int MAX_ASSIGNEE = 64;
    static final int MAX_WORDS = 500;
    private final Grid<Alert> grid = new Grid<>();
    private final Span openCount = new Span();
    private final CockpitUser user = SignedIn.required();
    private final AreaCode scope = user.scope();
    private final AlertActions actions = new AlertActions(CockpitContext.get().warehouse());
    private final Checkbox openOnly = new Checkbox();
    private final Select<String> kind = new Select<>();
    private final TextField text = new TextField();
    private final Select<String> departmentFilter = new Select<>();
    private final AlertRights rights = new AlertRights(CockpitContext.get().warehouse());
    /** The department whose alerts are shown: the user's own for a department head, else the URL's or null. */
    private String department;
    private Map<String, AlertHandling> handling = Map.of();
    private List<Alert> received = List.of();
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
        grid.addComponentColumn(this::caseLink).setHeader(getTranslation("alerts.case")).setFlexGrow(2);
        grid.addColumn(a -> {
            var area = context.areaNames().get(a.area().street());
            return area == null ? a.area().street() : english && area.nameEn() != null ? area.nameEn() : area.name();
        }).setHeader(getTranslation("alerts.street")).setFlexGrow(2);
        grid.addColumn(a -> OnScreen.mask(a.detail())).setHeader(getTranslation("alerts.detail")).setFlexGrow(3);
        grid.addColumn(a -> format(time, a.deadline())).setHeader(getTranslation("alerts.deadline")).setFlexGrow(2);
        grid.addColumn(a -> format(time, a.raisedAt())).setHeader(getTranslation("alerts.raised")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation("alerts.status." + a.status().wireName())).setHeader(getTranslation("alerts.status")).setFlexGrow(1);
        grid.addComponentColumn(this::handling).setHeader(getTranslation("alerts.handling")).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(a -> a.isOpen() ? null : "cleared");
        add(new H1(getTranslation("alerts.title")), filters(), openCount, grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout filters() {
        openOnly.setLabel(getTranslation("alerts.filter.open"));
        openOnly.setId("filter-open");
        openOnly.addValueChangeListener(e -> show());
        kind.setId("filter-kind");
        kind.setLabel(getTranslation("alerts.kind"));
        kind.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""), AlertKind.wireNames().stream()).toList());
        kind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("alerts.filter.any") : getTranslation("alerts.kind." + k, "n"));
        kind.setValue("");
        kind.addValueChangeListener(e -> show());
        text.setId("filter-text");
        text.setLabel(getTranslation("alerts.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> show());
        var bar = new HorizontalLayout(openOnly, kind, text);
        if (user.department() == null) {
            departmentFilter.setId("filter-department");
            departmentFilter.setLabel(getTranslation("alerts.filter.department"));
            departmentFilter.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("alerts.filter.any") : departmentName(d));
            departmentFilter.setItems(departmentChoices(null));
            departmentFilter.setValue("");
            departmentFilter.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    // through the URL, so that the choice can be bookmarked and is read back on the server
                    UI.getCurrent().navigate("alerts", e.getValue() == null || e.getValue().isEmpty() ? QueryParameters.empty()
                            : QueryParameters.of(DEPARTMENT_PARAMETER, e.getValue()));
                }
            });
            bar.add(departmentFilter);
        } else {
            var own = new Span(getTranslation("alerts.department.own", departmentName(user.department())));
            own.setId("inbox-department");
            bar.add(own);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** "" (every department) and the known departments, with {@code extra} when it is another code. */
    private List<String> departmentChoices(String extra) {
        var choices = new java.util.ArrayList<String>();
        choices.add("");
        choices.addAll(Departments.CODES);
        if (extra != null && !choices.contains(extra)) {
            choices.add(extra);
        }
        return choices;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var asked = event.getLocation().getQueryParameters().getSingleParameter(DEPARTMENT_PARAMETER).orElse(null);
        var shown = user.alertDepartment(asked);
        if (user.department() == null) {
            departmentFilter.setItems(departmentChoices(shown));
            departmentFilter.setValue(shown == null ? "" : shown);
        }
        if (!java.util.Objects.equals(shown, department) || unsubscribe == null) {
            department = shown;
            getUI().ifPresent(this::subscribe);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        subscribe(attach.getUI());
    }

    /** Follows the live inbox of the user's scope and the department shown, leaving the one followed before. */
    private void subscribe(UI ui) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        // nothing of the department shown before stays on screen while the new one's alerts arrive
        received = List.of();
        handling = Map.of();
        show();
        unsubscribe = CockpitContext.get().live().inboxWithin(scope, department).subscribe((Inbox inbox) -> ui.access(() -> {
            handling = inbox.handling();
            received = inbox.alerts();
            show();
        }));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private String departmentName(String code) {
        var key = "department." + code;
        var name = getTranslation(key);
        return name.startsWith("!{") || name.equals(key) ? code : name;
    }

    /** What the filters keep of the received alerts: open ones on top, newest first within each group. */
    private void show() {
        var needle = text.getValue() == null ? "" : text.getValue().strip().toLowerCase(Locale.ROOT);
        var shown = received.stream()
                .filter(a -> !openOnly.getValue() || a.isOpen())
                .filter(a -> kind.getValue() == null || kind.getValue().isEmpty() || kind.getValue().equals(a.kind().wireName()))
                .filter(a -> needle.isEmpty() || a.caseId().toLowerCase(Locale.ROOT).contains(needle)
                        || a.detail().toLowerCase(Locale.ROOT).contains(needle)
                        || policyName(a.policyId()).toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((Alert a) -> !a.isOpen())
                        .thenComparing(Alert::raisedAt, Comparator.reverseOrder()))
                .toList();
        grid.setItems(shown);
        openCount.setText(getTranslation("alerts.open", received.stream().filter(Alert::isOpen).count()));
    }

    /** An alert of a demand case links to the case; one about a household, device, plaque or ticket names it. */
    private Component caseLink(Alert alert) {
        if (!alert.isAboutDemandCase()) {
            return new Span(alert.caseId());
        }
        var link = new RouterLink(alert.caseId(), CaseView.class, new RouteParameters("caseId", alert.caseId()));
        link.addClassName("alert-case-link");
        return link;
    }

    /** Where people stand with the alert, and what this user may do about it. */
    private Component handling(Alert alert) {
        var state = handling.getOrDefault(alert.alertId(), AlertHandling.none(alert.alertId()));
        var cell = new HorizontalLayout();
        cell.setSpacing(false);
        cell.getStyle().set("gap", "0.25em").set("flex-wrap", "wrap");
        var safeId = alert.alertId().replaceAll("[^A-Za-z0-9_-]", "_");
        if (state.acknowledged()) {
            cell.add(badge(getTranslation("alerts.acknowledged"), "badge success", "acked-" + safeId));
        }
        if (state.assignee() != null) {
            cell.add(badge(getTranslation("alerts.assigned.to", state.assignee()), "badge", "assignee-" + safeId));
        }
        if (state.escalated()) {
            cell.add(badge(getTranslation("alerts.escalated"), "badge error", "escalated-" + safeId));
        }
        if (state.comments() > 0) {
            cell.add(badge(getTranslation("alerts.comments", state.comments()), "badge contrast", null));
        }
        if (!user.may(Permission.HANDLE_ALERTS) || !alert.isOpen()) {
            return cell;
        }
        if (!state.acknowledged()) {
            var ack = new Button(getTranslation("alerts.acknowledge"), click -> act(alert, AlertAction.ACKNOWLEDGE, null, null));
            ack.setId("ack-" + safeId);
            ack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            cell.add(ack);
        }
        cell.add(dialogButton(alert, AlertAction.ASSIGN, "assign-" + safeId),
                dialogButton(alert, AlertAction.COMMENT, "comment-" + safeId));
        if (!state.escalated()) {
            cell.add(dialogButton(alert, AlertAction.ESCALATE, "escalate-" + safeId));
        }
        return cell;
    }

    /** A button that asks for the words of an action (the assignee, a comment, a reason) before recording it. */
    private Button dialogButton(Alert alert, String action, String id) {
        var button = new Button(getTranslation("alerts.action." + action), click -> {
            var dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("alerts.action." + action) + " · " + policyName(alert.policyId()));
            var assignee = new TextField(getTranslation("alerts.assignee"));
            assignee.setId("action-assignee");
            assignee.setMaxLength(MAX_ASSIGNEE);
            var words = new TextArea(getTranslation(action.equals(AlertAction.COMMENT) ? "alerts.comment" : "alerts.note"));
            words.setId("action-words");
            words.setMaxLength(MAX_WORDS);
            words.setWidthFull();
            var fields = new VerticalLayout();
            fields.setPadding(false);
            if (action.equals(AlertAction.ASSIGN)) {
                assignee.setRequired(true);
                fields.add(assignee);
            }
            words.setRequired(action.equals(AlertAction.COMMENT));
            fields.add(words);
            dialog.add(fields);
            var save = new Button(getTranslation("alerts.action.save"), ok -> {
                var who = assignee.getValue() == null ? "" : assignee.getValue().strip();
                var said = words.getValue() == null ? "" : words.getValue().strip();
                if (action.equals(AlertAction.ASSIGN) && who.isEmpty()) {
                    assignee.setInvalid(true);
                    assignee.setErrorMessage(getTranslation("alerts.assignee.required"));
                    return;
                }
                if (action.equals(AlertAction.COMMENT) && said.isEmpty()) {
                    words.setInvalid(true);
                    words.setErrorMessage(getTranslation("alerts.comment.required"));
                    return;
                }
                act(alert, action, who.isEmpty() ? null : who, said.isEmpty() ? null : said);
                dialog.close();
            });
            save.setId("action-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button(getTranslation("alerts.action.cancel"), cancel -> dialog.close()), save);
            dialog.open();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /**
     * Checked here on the server whatever the browser sent: the permission, the alert's area and, for a department
     * head, that the alert is about a case last assigned to their department (read again now, not from the page).
     */
    private void act(Alert alert, String action, String assignee, String comment) {
        var audit = CockpitContext.get().audit();
        if (assignee != null && assignee.length() > MAX_ASSIGNEE || comment != null && comment.length() > MAX_WORDS) {
            // the dialog's limits are checked again here: the browser can be made to send anything
            audit.append(user.name(), "refused", action + " " + alert.alertId() + " (too long)");
            Notification.show(getTranslation("alerts.action.too_long", MAX_ASSIGNEE, MAX_WORDS));
            return;
        }
        var refusal = rights.refusal(user, alert);
        if (refusal.isPresent()) {
            audit.append(user.name(), "refused", action + " " + alert.alertId() + " (" + refusal.get() + ")");
            Notification.show(getTranslation("alerts.acknowledge.refused"));
            return;
        }
        var recorded = new AlertAction(UUID.randomUUID().toString(), alert.alertId(), action, user.name(), assignee,
                comment, CockpitContext.get().clock().instant(), alert.area().county(), alert.area().street(),
                        alert.area().community(),
                alert.area().grid());
        actions.record(recorded);
        audit.append(user.name(), action, alert.alertId() + (assignee == null ? "" : " -> " + assignee));
        // shown at once here (the insert is synchronous); the live inbox brings it to the other screens of the area
        var updated = new HashMap<>(handling);
        updated.putAll(actions.handling(List.of(alert.alertId())));
        handling = Map.copyOf(updated);
        grid.getDataProvider().refreshItem(alert);
    }

    private Span badge(Alert alert) {
        var badge = new Span(getTranslation("alerts.kind." + alert.kind().wireName(), alert.level()));
        var theme = switch (alert.severity()) {
            case WARNING -> "badge contrast";
            case MAJOR -> "badge error";
            case CRITICAL -> "badge error primary";
            case INFO -> "badge";
        };
        badge.getElement().getThemeList().add(alert.isOpen() ? theme : "badge success");
        return badge;
    }

    private static Span badge(String text, String theme, String id) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        if (id != null) {
            badge.setId(id);
        }
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
