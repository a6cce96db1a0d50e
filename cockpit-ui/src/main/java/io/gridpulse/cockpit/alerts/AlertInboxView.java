package io.gridpulse.cockpit.alerts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
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
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.alerts.Inbox.Outcome;
import io.gridpulse.cockpit.alerts.InboxQuery.Show;
import io.gridpulse.cockpit.cases.CaseView;
import io.gridpulse.cockpit.privacy.OnScreen;
import io.gridpulse.cockpit.security.Departments;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.warehouse.actions.AlertAction;
import io.gridpulse.warehouse.actions.AlertHandling;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watcher's inbox: every alert of the user's area, filtered, sorted and paged in the warehouse (open before
 * cleared, critical before major before warning, newest first), so that a breach is found among thousands of device
 * alerts. The filters live in the URL ({@link InboxQuery}): a view can be bookmarked or opened from a figure
 * elsewhere. The counts above the list are the same queries as the header's badge ({@link Inbox#unhandled}).
 * Users who may handle alerts acknowledge (one or many at once), assign, comment on and escalate them here; every
 * action is checked again on the server by {@link Inbox#act}, recorded, audited, and shows on every screen of the
 * area within a second or two.
 *
 * <p>A department head sees only the alerts of the cases last assigned to their department, and may act only on
 * those; others may narrow the inbox to one department with {@code ?dept=<code>}.
 */
@Route(value = "alerts", layout = MainLayout.class)
@Requires(Permission.VIEW_ALERTS)
@StyleSheet("styles/inbox.css")
public final class AlertInboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    /** The URL parameter of the department filter. */
    public static final String DEPARTMENT_PARAMETER = InboxQuery.DEPARTMENT;
    private final Inbox inbox = Inbox.of(CockpitContext.get(), SignedIn.required());
    private final Grid<Alert> grid = new Grid<>();
    private final Span counts = new Span();
    private final Select<Show> show = new Select<>();
    private final MultiSelectComboBox<AlertKind> kinds = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<Severity> severities = new MultiSelectComboBox<>();
    private final TextField text = new TextField();
    private final Select<String> departmentFilter = new Select<>();
    private final Button acknowledgeSelected = new Button();
    private final Map<String, AlertHandling> handling = new ConcurrentHashMap<>();
    /** The columns a phone leaves out, so that the case, its state and the actions fit a 390 px screen. */
    private final List<Grid.Column<Alert>> wideOnly = new ArrayList<>();
    private InboxQuery query = InboxQuery.of(inbox.user());
    /** Set while the components are set from the URL, so that doing so does not navigate again. */
    private boolean reading;
    private Runnable unsubscribe;
    private com.vaadin.flow.shared.Registration resize;

    public AlertInboxView() {
        setSizeFull();
        addClassName("alert-inbox-view");
        counts.setId("open-alerts");
        grid.setId("alert-inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        columns();
        grid.setPartNameGenerator(a -> a.isOpen() ? null : "cleared");
        grid.setItems(fetch -> {
            var page = inbox.page(query, fetch.getOffset(), fetch.getLimit());
            handling.putAll(inbox.handling(page.stream().map(Alert::alertId).toList()));
            return page.stream();
        }, count -> (int) Math.min(Integer.MAX_VALUE, inbox.count(query)));
        add(new H1(getTranslation("alerts.title")), filters(), actionsBar(), grid);
        setFlexGrow(1, grid);
    }

    private void columns() {
        var context = CockpitContext.get();
        var locale = Languages.current();
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(context.zone());
        var english = locale.getLanguage().equals("en");
        grid.addComponentColumn(this::severityBadge).setHeader(getTranslation("alerts.severity")).setAutoWidth(true)
                .setFlexGrow(0);
        wideOnly.add(grid.addComponentColumn(this::kindBadge).setHeader(getTranslation("alerts.kind")).setAutoWidth(true)
                .setFlexGrow(0));
        grid.addComponentColumn(this::caseLink).setHeader(getTranslation("alerts.case")).setFlexGrow(2);
        wideOnly.add(grid.addColumn(a -> policyName(a.policyId())).setHeader(getTranslation("alerts.policy")).setFlexGrow(3));
        wideOnly.add(grid.addColumn(a -> {
            var area = context.areaNames().get(a.area().street());
            return area == null ? a.area().street() : area.displayName(english);
        }).setHeader(getTranslation("alerts.street")).setFlexGrow(2));
        wideOnly.add(grid.addColumn(a -> OnScreen.mask(a.detail())).setHeader(getTranslation("alerts.detail")).setFlexGrow(3));
        wideOnly.add(grid.addColumn(a -> format(time, a.deadline())).setHeader(getTranslation("alerts.deadline")).setFlexGrow(2));
        wideOnly.add(grid.addColumn(a -> format(time, a.raisedAt())).setHeader(getTranslation("alerts.raised")).setFlexGrow(2));
        grid.addColumn(this::state).setHeader(getTranslation("alerts.status")).setFlexGrow(1);
        grid.addComponentColumn(this::handlingCell).setHeader(getTranslation("alerts.handling")).setAutoWidth(true)
                .setFlexGrow(0);
    }

    private HorizontalLayout filters() {
        show.setId("filter-status");
        show.setLabel(getTranslation("alerts.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("alerts.show." + s.id()));
        show.addValueChangeListener(e -> changed(query.withShow(e.getValue())));
        kinds.setId("filter-kind");
        kinds.setLabel(getTranslation("alerts.kind"));
        kinds.setPlaceholder(getTranslation("alerts.filter.kind.any"));
        kinds.setItems(AlertKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("alerts.kind." + k.wireName(), "n"));
        kinds.addValueChangeListener(e -> changed(query.withKinds(e.getValue())));
        severities.setId("filter-severity");
        severities.setLabel(getTranslation("alerts.severity"));
        severities.setPlaceholder(getTranslation("alerts.filter.severity.any"));
        var bySeverity = new ArrayList<>(Arrays.asList(Severity.values()));
        java.util.Collections.reverse(bySeverity);
        severities.setItems(bySeverity);
        severities.setItemLabelGenerator(s -> getTranslation("alerts.severity." + s.wireName()));
        severities.addValueChangeListener(e -> changed(query.withSeverities(e.getValue())));
        text.setId("filter-text");
        text.setLabel(getTranslation("alerts.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> changed(query.withSearch(e.getValue())));
        var bar = new HorizontalLayout(show, kinds, severities, text);
        bar.addClassName("inbox-filters");
        if (inbox.user().department() == null) {
            departmentFilter.setId("filter-department");
            departmentFilter.setLabel(getTranslation("alerts.filter.department"));
            departmentFilter.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("alerts.filter.any") : departmentName(d));
            departmentFilter.setItems(departmentChoices(null));
            departmentFilter.setValue("");
            departmentFilter.addValueChangeListener(e -> changed(query.withDepartment(e.getValue())));
            bar.add(departmentFilter);
        } else {
            var own = new Span(getTranslation("alerts.department.own", departmentName(inbox.user().department())));
            own.setId("inbox-department");
            bar.add(own);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private HorizontalLayout actionsBar() {
        var bar = new HorizontalLayout(counts);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (inbox.user().may(Permission.HANDLE_ALERTS)) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            acknowledgeSelected.setId("ack-selected");
            acknowledgeSelected.setText(getTranslation("alerts.acknowledge.selected"));
            acknowledgeSelected.addThemeVariants(ButtonVariant.LUMO_SMALL);
            acknowledgeSelected.setEnabled(false);
            grid.addSelectionListener(e -> acknowledgeSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));
            acknowledgeSelected.addClickListener(click -> acknowledgeSelection());
            bar.add(acknowledgeSelected);
        }
        return bar;
    }

    /** "" (every department) and the known departments, with {@code extra} when it is another code. */
    private List<String> departmentChoices(String extra) {
        var choices = new ArrayList<String>();
        choices.add("");
        choices.addAll(Departments.CODES);
        if (extra != null && !choices.contains(extra)) {
            choices.add(extra);
        }
        return choices;
    }

    /** A filter changed on the page: through the URL, so that the view can be bookmarked and is read back here. */
    private void changed(InboxQuery next) {
        if (reading || next.equals(query)) {
            return;
        }
        UI.getCurrent().navigate(AlertInboxView.class, next.parameters(inbox.user()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = InboxQuery.read(inbox.user(), event.getLocation().getQueryParameters().getParameters(),
                code -> CockpitContext.get().areaNames().containsKey(code));
        var changedReader = !read.query().area().equals(query.area())
                || !Objects.equals(read.query().department(), query.department());
        query = read.query();
        reading = true;
        try {
            show.setValue(query.show());
            kinds.setValue(query.kinds().isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(query.kinds()));
            severities.setValue(query.severities().isEmpty() ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(query.severities()));
            text.setValue(query.search() == null ? "" : query.search());
            if (inbox.user().department() == null) {
                departmentFilter.setItems(departmentChoices(query.department()));
                departmentFilter.setValue(query.department() == null ? "" : query.department());
            }
        } finally {
            reading = false;
        }
        if (!read.ignored().isEmpty()) {
            Notification.show(getTranslation("alerts.ignored", String.join(", ", read.ignored())));
        }
        grid.deselectAll();
        refresh();
        if (changedReader && unsubscribe != null) {
            getUI().ifPresent(this::subscribe);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        subscribe(attach.getUI());
        var page = attach.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fit(details.getWindowInnerWidth()));
        resize = page.addBrowserWindowResizeListener(event -> fit(event.getWidth()));
    }

    /** A phone (under 700 px) sees the severity, the case, its state and the actions; a wider screen every column. */
    private void fit(int width) {
        var wide = width <= 0 || width >= 700;
        wideOnly.forEach(column -> column.setVisible(wide));
    }

    /** Reads the page again whenever an alert of the area changes or someone acts on one. */
    private void subscribe(UI ui) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        var last = new String[1];
        unsubscribe = CockpitContext.get().live().alertChangesWithin(query.area()).subscribe(stamp -> {
            if (!stamp.equals(last[0])) {
                last[0] = stamp;
                ui.access(this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        counts.setText(getTranslation("alerts.counts", inbox.unhandled(query), inbox.open(query), inbox.count(query)));
    }

    private void acknowledgeSelection() {
        var outcomes = inbox.acknowledgeAll(List.copyOf(grid.getSelectedItems()));
        long recorded = outcomes.stream().filter(o -> o instanceof Outcome.Recorded).count();
        Notification.show(getTranslation("alerts.acknowledged.count", recorded));
        outcomes.stream().filter(o -> o instanceof Outcome.Refused).findFirst()
                .ifPresent(o -> Notification.show(getTranslation(((Outcome.Refused) o).messageKey(), Inbox.MAX_ASSIGNEE,
                        Inbox.MAX_WORDS)));
        grid.deselectAll();
        refresh();
    }

    private String departmentName(String code) {
        return Languages.textOr("department." + code, code);
    }

    /** Where the alert stands: cleared, or open and unhandled, acknowledged, assigned or escalated. */
    private String state(Alert alert) {
        if (!alert.isOpen()) {
            return getTranslation("alerts.status.cleared");
        }
        var state = handling.getOrDefault(alert.alertId(), AlertHandling.none(alert.alertId()));
        if (state.escalated()) {
            return getTranslation("alerts.escalated");
        }
        if (state.assignee() != null) {
            return getTranslation("alerts.assigned.to", state.assignee());
        }
        return getTranslation(state.acknowledged() ? "alerts.acknowledged" : "alerts.status.open");
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
    private Component handlingCell(Alert alert) {
        var state = handling.getOrDefault(alert.alertId(), AlertHandling.none(alert.alertId()));
        var cell = new HorizontalLayout();
        cell.setSpacing(false);
        cell.addClassName("alert-handling");
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
        if (state.comments() > 0 || state.acknowledged() || state.assignee() != null || state.escalated()) {
            // what people did and said, readable here without leaving the list
            var history = new Button(state.comments() > 0 ? getTranslation("alerts.comments", state.comments())
                    : getTranslation("alerts.history"), click -> openHistory(alert));
            history.setId("history-" + safeId);
            history.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
            cell.add(history);
        }
        if (!inbox.user().may(Permission.HANDLE_ALERTS) || !alert.isOpen()) {
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
            assignee.setMaxLength(Inbox.MAX_ASSIGNEE);
            var words = new TextArea(getTranslation(action.equals(AlertAction.COMMENT) ? "alerts.comment" : "alerts.note"));
            words.setId("action-words");
            words.setMaxLength(Inbox.MAX_WORDS);
            words.setWidthFull();
            var fields = new VerticalLayout();
            fields.setPadding(false);
            if (action.equals(AlertAction.ASSIGN)) {
                assignee.setRequired(true);
                fields.add(assignee);
                // the area's usual assignees, one click each: grid workers, units, earlier assignees
                var usual = new HorizontalLayout();
                usual.setId("action-assignee-suggestions");
                usual.addClassName("alert-handling");
                usual.setSpacing(false);
                for (var name : inbox.assignees(8)) {
                    var pick = new Button(name, choose -> assignee.setValue(name));
                    pick.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                    usual.add(pick);
                }
                fields.add(usual);
            }
            words.setRequired(action.equals(AlertAction.COMMENT));
            fields.add(words);
            dialog.add(fields);
            var save = new Button(getTranslation("alerts.action.save"), ok -> {
                var who = assignee.getValue() == null ? "" : assignee.getValue().strip();
                var said = words.getValue() == null ? "" : words.getValue().strip();
                var outcome = inbox.act(alert, action, who.isEmpty() ? null : who, said.isEmpty() ? null : said);
                if (outcome instanceof Outcome.Refused refused && refused.messageKey().endsWith(".required")) {
                    var field = refused.messageKey().startsWith("alerts.assignee") ? assignee : null;
                    if (field != null) {
                        field.setInvalid(true);
                        field.setErrorMessage(getTranslation(refused.messageKey()));
                    } else {
                        words.setInvalid(true);
                        words.setErrorMessage(getTranslation(refused.messageKey()));
                    }
                    return;
                }
                shown(alert, outcome);
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
     * The alert's timeline: who acknowledged, assigned, escalated and commented, when, and what they wrote; then every
     * attempt to deliver it off-screen and how it ended.
     */
    private void openHistory(Alert alert) {
        var dialog = new Dialog();
        dialog.setId("alert-history");
        dialog.setHeaderTitle(getTranslation("alerts.history") + " · " + policyName(alert.policyId()) + " · " + alert.caseId());
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Languages.current())
                .withZone(CockpitContext.get().zone());
        var list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        for (var step : inbox.history(alert.alertId())) {
            var what = getTranslation("alerts.action." + step.action()) + (step.assignee().isEmpty() ? "" : " → " + step.assignee());
            var line = new Span(time.format(step.at()) + " · " + step.actor() + " · " + what
                    + (step.comment().isEmpty() ? "" : "：" + OnScreen.mask(step.comment())));
            line.addClassName("alert-history-entry");
            list.add(line);
        }
        for (var attempt : inbox.deliveries(alert.alertId())) {
            var outcome = getTranslation("alerts.delivery." + attempt.outcome().wireName(), attempt.attempt());
            var line = new Span(time.format(attempt.at()) + " · " + getTranslation("alerts.delivery.to",
                    getTranslation("alerts.channel." + attempt.channel()), attempt.target())
                    + " · " + outcome + (attempt.error().isEmpty() ? "" : "：" + attempt.error()));
            line.addClassName("alert-history-entry");
            line.addClassName("alert-delivery");
            list.add(line);
        }
        dialog.add(list);
        var close = new Button(getTranslation("alerts.history.close"), click -> dialog.close());
        close.setId("history-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void act(Alert alert, String action, String assignee, String comment) {
        shown(alert, inbox.act(alert, action, assignee, comment));
    }

    /** The outcome on screen at once (the insert is synchronous); the live stamp brings it to the area's other screens. */
    private void shown(Alert alert, Outcome outcome) {
        switch (outcome) {
            case Outcome.Refused refused -> Notification.show(getTranslation(refused.messageKey(), Inbox.MAX_ASSIGNEE,
                    Inbox.MAX_WORDS));
            case Outcome.Recorded recorded -> {
                handling.putAll(inbox.handling(List.of(alert.alertId())));
                grid.getDataProvider().refreshItem(alert);
                counts.setText(getTranslation("alerts.counts", inbox.unhandled(query), inbox.open(query), inbox.count(query)));
            }
        }
    }

    private Span severityBadge(Alert alert) {
        var badge = new Span(getTranslation("alerts.severity." + alert.severity().wireName()));
        badge.addClassName("severity-" + alert.severity().wireName());
        badge.getElement().getThemeList().add(switch (alert.severity()) {
            case CRITICAL -> "badge error primary";
            case MAJOR -> "badge error";
            case WARNING -> "badge contrast";
            case INFO -> "badge";
        });
        return badge;
    }

    private Span kindBadge(Alert alert) {
        var badge = new Span(getTranslation("alerts.kind." + alert.kind().wireName(), alert.level()));
        badge.getElement().getThemeList().add(alert.isOpen() ? "badge" : "badge success");
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
        return Languages.textOr("policy." + policyId, policyId);
    }

    private static String format(DateTimeFormatter time, Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title");
    }
}
