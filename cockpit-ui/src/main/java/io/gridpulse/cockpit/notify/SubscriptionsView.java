package io.gridpulse.cockpit.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.notify.SubscriptionDraft;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /subscriptions}: where a user on duty says which alerts should reach them off-screen, on a webhook, a DingTalk
 * group or a WeCom group. Their own subscriptions only, within their area; the secret is write-only. What reached
 * whom is on each alert's timeline in the inbox.
 */
@Route(value = "subscriptions", layout = MainLayout.class)
@Requires(Permission.VIEW_ALERTS)
public final class SubscriptionsView extends VerticalLayout implements HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final MySubscriptions mine = new MySubscriptions(context, SignedIn.required());
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final Grid<Subscription> grid = new Grid<>();
    private final Select<Channel> channel = new Select<>();
    private final TextField url = new TextField();
    private final PasswordField secret = new PasswordField();
    private final MultiSelectComboBox<Area> areas = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<AlertKind> kinds = new MultiSelectComboBox<>();
    private final Select<Severity> minSeverity = new Select<>();

    public SubscriptionsView() {
        setSizeFull();
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(context.zone());
        grid.setId("subscriptions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(s -> getTranslation("alerts.channel." + s.channel().wireName())).setHeader(getTranslation("subs.channel"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.target()).setHeader(getTranslation("subs.target")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.areas().stream().map(this::areaName).collect(Collectors.joining("、"))).setHeader(getTranslation("subs.areas")).setFlexGrow(2);
        grid.addColumn(s -> s.kinds().isEmpty() ? getTranslation("subs.kinds.all")
                : s.kinds().stream().sorted().map(this::kindName).collect(Collectors.joining("、"))).setHeader(getTranslation("subs.kinds")).setFlexGrow(2);
        grid.addColumn(s -> getTranslation("alerts.severity." + s.minSeverity().wireName())).setHeader(getTranslation("subs.min-severity"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> time.format(s.createdAt())).setHeader(getTranslation("subs.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            var delete = new Button(getTranslation("subs.delete"), click -> {
                mine.delete(s.id());
                refresh();
            });
            delete.setId("delete-" + s.id());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return delete;
        }).setKey("delete").setAutoWidth(true).setFlexGrow(0);

        channel.setId("sub-channel");
        channel.setLabel(getTranslation("subs.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("alerts.channel." + c.wireName()));
        channel.setValue(Channel.WEBHOOK);
        channel.addValueChangeListener(change -> secret.setEnabled(change.getValue() == null || change.getValue().takesSecret()));
        url.setId("sub-url");
        url.setLabel(getTranslation("subs.url"));
        url.setPlaceholder("https://");
        url.setWidthFull();
        secret.setId("sub-secret");
        secret.setLabel(getTranslation("subs.secret"));
        secret.setHelperText(getTranslation("subs.secret.help"));
        areas.setId("sub-areas");
        areas.setLabel(getTranslation("subs.areas"));
        areas.setItems(mine.areas());
        areas.setItemLabelGenerator(a -> io.gridpulse.cockpit.shell.AreaLabel.indented(a, english));
        areas.setHelperText(getTranslation("subs.areas.help"));
        kinds.setId("sub-kinds");
        kinds.setLabel(getTranslation("subs.kinds"));
        kinds.setItems(AlertKind.values());
        kinds.setItemLabelGenerator(this::kindName);
        kinds.setHelperText(getTranslation("subs.kinds.help"));
        minSeverity.setId("sub-min-severity");
        minSeverity.setLabel(getTranslation("subs.min-severity"));
        minSeverity.setItems(Severity.values());
        minSeverity.setItemLabelGenerator(s -> getTranslation("alerts.severity." + s.wireName()));
        minSeverity.setValue(Severity.MAJOR);
        var add = new Button(getTranslation("subs.add"), click -> add());
        add.setId("sub-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(channel, url, secret, minSeverity, areas, kinds);
        form.setColspan(url, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));

        add(new H1(getTranslation("subs.title")), new Paragraph(getTranslation("subs.explain")), form, add, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void add() {
        var draft = new SubscriptionDraft(channel.getValue() == null ? null : channel.getValue().wireName(), url.getValue(),
                secret.getValue().isEmpty() ? null : secret.getValue(),
                areas.getValue().stream().map(a -> a.code().value()).sorted().toList(),
                kinds.getValue().stream().map(AlertKind::wireName).sorted().toList(),
                minSeverity.getValue() == null ? null : minSeverity.getValue().wireName());
        var checked = mine.add(draft);
        for (var field : List.of(url, secret)) {
            field.setInvalid(false);
        }
        if (checked.ok()) {
            url.clear();
            secret.clear();
            Notification.show(getTranslation("subs.added"), 3_000, Notification.Position.BOTTOM_START);
            refresh();
            return;
        }
        var problems = new java.util.ArrayList<Problem>(checked.problems());
        problems.addAll(checked.outside());
        for (var problem : problems) {
            var message = problem.reason();
            if (problem.pointer().equals("/url")) {
                url.setErrorMessage(message);
                url.setInvalid(true);
            } else if (problem.pointer().equals("/secret")) {
                secret.setErrorMessage(message);
                secret.setInvalid(true);
            }
        }
        var shown = new Span(problems.stream().map(p -> p.pointer() + " " + p.reason()).collect(Collectors.joining("; ")));
        shown.setId("sub-problems");
        Notification.show(shown.getText(), 6_000, Notification.Position.MIDDLE);
    }

    private void refresh() {
        grid.setItems(mine.list());
    }

    private String areaName(AreaCode code) {
        return context.region().area(code).map(a -> a.displayName(english)).orElse(code.value());
    }

    private String kindName(AlertKind kind) {
        return Languages.textOr("alerts.kind." + kind.wireName(), kind.wireName()).replace("（第{0}级）", "").replace(" (level {0})", "");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("subs.title");
    }
}
