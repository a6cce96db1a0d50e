package io.gridpulse.cockpit.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.AreaLabel;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.keys.KeyDraft;
import io.gridpulse.model.keys.Right;
import io.gridpulse.warehouse.keys.ApiKeyRecord;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /admin/keys}: the API keys of the terminals, devices and integrations of the administrator's area: what each
 * may do (rights, areas, event kinds, rate), made with the key shown once, revoked or rotated; in force at the edge
 * within seconds. The key file (GP_API_KEYS_FILE) stays beside them as a bootstrap and is not listed here.
 */
@Route(value = "admin/keys", layout = MainLayout.class)
@Requires(Permission.MANAGE_KEYS)
public final class KeysView extends VerticalLayout implements HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final KeyAdmin keys = new KeyAdmin(context, SignedIn.required());
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final Grid<ApiKeyRecord> grid = new Grid<>();

    public KeysView() {
        setSizeFull();
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(context.zone());
        grid.setId("keys");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ApiKeyRecord::client).setHeader(getTranslation("keys.client")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> k.grant().rights().stream().sorted().map(r -> getTranslation("keys.right." + r.wireName()))
                .collect(Collectors.joining("、"))).setHeader(getTranslation("keys.rights")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> k.grant().areas().isEmpty() ? getTranslation("keys.areas.all")
                : k.grant().areas().stream().map(this::areaName).collect(Collectors.joining("、"))).setHeader(getTranslation("keys.areas")).setFlexGrow(2);
        grid.addColumn(k -> k.grant().kinds().isEmpty() ? getTranslation("keys.kinds.all")
                : k.grant().kinds().stream().sorted().map(this::kindName).collect(Collectors.joining("、"))).setHeader(getTranslation("keys.kinds")).setFlexGrow(2);
        grid.addColumn(k -> getTranslation("keys.rate.value", rate(k.grant().perSecond()), k.grant().burst()))
                .setHeader(getTranslation("keys.rate")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("keys.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(k -> time.format(k.changedAt()) + " · " + k.changedBy()).setHeader(getTranslation("keys.changed"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        var create = new Button(getTranslation("keys.create"), click -> openForm());
        create.setId("key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var devices = new Button(getTranslation("keys.devices"), click -> openDevices());
        devices.setId("key-devices");
        add(new H1(getTranslation("keys.title")), new Paragraph(getTranslation("keys.explain")),
                new HorizontalLayout(create, devices), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component status(ApiKeyRecord k) {
        var badge = new Span(getTranslation(k.revoked() ? "keys.status.revoked" : "keys.status.active"));
        badge.getElement().getThemeList().add(k.revoked() ? "badge contrast" : "badge success");
        return badge;
    }

    private Component actions(ApiKeyRecord k) {
        var rotate = new Button(getTranslation("keys.rotate"), click -> {
            var issued = keys.rotate(k.client());
            if (issued.ok()) {
                showKey(k.client(), issued.key());
            }
            refresh();
        });
        rotate.setId("key-rotate-" + k.client());
        var revoke = new Button(getTranslation("keys.revoke"), click -> {
            keys.revoke(k.client());
            refresh();
        });
        revoke.setId("key-revoke-" + k.client());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(rotate, revoke)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.setEnabled(!k.revoked());
        }
        return new HorizontalLayout(rotate, revoke);
    }

    private void openForm() {
        var dialog = new Dialog();
        dialog.setId("key-form");
        dialog.setHeaderTitle(getTranslation("keys.create"));
        var client = new TextField(getTranslation("keys.client"));
        client.setId("key-client");
        client.setHelperText(getTranslation("keys.client.help"));
        var rights = new CheckboxGroup<Right>(getTranslation("keys.rights"));
        rights.setId("key-rights");
        rights.setItems(Right.values());
        rights.setItemLabelGenerator(r -> getTranslation("keys.right." + r.wireName()));
        rights.setValue(java.util.Set.of(Right.WRITE));
        var areas = new MultiSelectComboBox<Area>(getTranslation("keys.areas"));
        areas.setId("key-areas");
        areas.setItems(context.areasWithin(SignedIn.required().scope()));
        areas.setItemLabelGenerator(a -> AreaLabel.indented(a, english));
        areas.setHelperText(getTranslation("keys.areas.help"));
        areas.setWidthFull();
        var kinds = new MultiSelectComboBox<EventKind>(getTranslation("keys.kinds"));
        kinds.setId("key-kinds");
        kinds.setItems(EventKind.values());
        kinds.setItemLabelGenerator(this::kindName);
        kinds.setHelperText(getTranslation("keys.kinds.help"));
        kinds.setWidthFull();
        var perSecond = new NumberField(getTranslation("keys.per-second"));
        perSecond.setId("key-per-second");
        perSecond.setValue(50.0);
        var burst = new IntegerField(getTranslation("keys.burst"));
        burst.setId("key-burst");
        burst.setValue(200);
        var form = new FormLayout(client, rights, areas, kinds, perSecond, burst);
        form.setColspan(areas, 2);
        form.setColspan(kinds, 2);
        var save = new Button(getTranslation("keys.save"), click -> {
            var draft = new KeyDraft(client.getValue(), rights.getValue().stream().map(Right::wireName).sorted().toList(),
                    areas.getValue().stream().map(a -> a.code().value()).sorted().toList(),
                    kinds.getValue().stream().map(EventKind::wireName).sorted().toList(), perSecond.getValue(), burst.getValue());
            var issued = keys.create(draft);
            client.setInvalid(false);
            rights.setInvalid(false);
            areas.setInvalid(false);
            kinds.setInvalid(false);
            perSecond.setInvalid(false);
            burst.setInvalid(false);
            for (var problem : issued.problems()) {
                var field = problem.pointer().split("/")[1];
                var message = getTranslation("keys.problem." + field) + " (" + problem.pointer() + " " + problem.reason() + ")";
                switch (field) {
                    case "client" -> { client.setErrorMessage(message); client.setInvalid(true); }
                    case "rights" -> { rights.setErrorMessage(message); rights.setInvalid(true); }
                    case "areas" -> { areas.setErrorMessage(message); areas.setInvalid(true); }
                    case "kinds" -> { kinds.setErrorMessage(message); kinds.setInvalid(true); }
                    case "perSecond" -> { perSecond.setErrorMessage(message); perSecond.setInvalid(true); }
                    default -> { burst.setErrorMessage(message); burst.setInvalid(true); }
                }
            }
            if (issued.ok()) {
                dialog.close();
                refresh();
                showKey(client.getValue().strip(), issued.key());
            }
        });
        save.setId("key-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /**
     * Registers a devices file in bulk: every problem listed with its line (and nothing stored), or the keys of all its
     * devices in a CSV that can be downloaded once; the page keeps no copy after that.
     */
    private void openDevices() {
        var dialog = new Dialog();
        dialog.setId("devices-form");
        dialog.setHeaderTitle(getTranslation("keys.devices"));
        dialog.setWidth("min(52rem, 95vw)");
        var outcome = new VerticalLayout();
        outcome.setId("devices-outcome");
        outcome.setPadding(false);
        var ui = com.vaadin.flow.component.UI.getCurrent();
        var upload = io.gridpulse.cockpit.shell.Uploads.oneFile("devices-upload", 4 * 1024 * 1024,
                getTranslation("keys.devices.upload"), ".csv", "text/csv");
        // the list is cleared after each file, so that a corrected file can be dropped next
        upload.setUploadHandler(com.vaadin.flow.server.streams.UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            registered(outcome, keys.registerDevices(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            upload.clearFileList();
        })));
        dialog.add(new Paragraph(getTranslation("keys.devices.explain")), upload, outcome);
        var close = new Button(getTranslation("users.close"), click -> dialog.close());
        close.setId("devices-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void registered(VerticalLayout outcome, KeyAdmin.Registration registration) {
        outcome.removeAll();
        if (!registration.ok()) {
            var list = new com.vaadin.flow.component.html.UnorderedList();
            list.setId("devices-problems");
            list.addClassName("gp-problems");
            for (var problem : registration.problems()) {
                var parts = problem.pointer().split("/");   // /line/N/column
                list.add(new com.vaadin.flow.component.html.ListItem(getTranslation("keys.devices.problem",
                        parts.length > 2 ? parts[2] : "?", parts.length > 3 ? parts[3] : "", problem.reason())));
            }
            outcome.add(new Paragraph(getTranslation("keys.devices.problems", registration.problems().size())), list);
            return;
        }
        var rows = registration.credentials().stream()
                .map(c -> List.<Object>of(c.deviceId(), c.deviceType(), c.area().value(), c.key())).toList();
        var file = new java.util.concurrent.atomic.AtomicReference<>(io.gridpulse.cockpit.export.Exports.csv(
                List.of("device_id", "device_type", "area_code", "key"), rows));
        var done = new Paragraph(getTranslation("keys.devices.done", registration.credentials().size()));
        done.setId("devices-done");
        var link = new com.vaadin.flow.component.html.Anchor((com.vaadin.flow.server.streams.DownloadHandler) download -> {
            var bytes = file.getAndSet(null);
            if (bytes == null) {
                download.getResponse().setStatus(410);
                return;
            }
            download.setFileName("gridpulse-device-keys.csv");
            download.setContentType(io.gridpulse.cockpit.export.Exports.CSV);
            download.getOutputStream().write(bytes);
            download.getUI().access(() -> outcome.add(new Paragraph(getTranslation("keys.devices.downloaded"))));
        }, getTranslation("keys.devices.download"));
        link.setId("devices-download");
        outcome.add(done, link);
        refresh();
    }

    /** The key, shown once, with how to use it. */
    private void showKey(String client, String key) {
        var dialog = new Dialog();
        dialog.setId("key-issued");
        dialog.setHeaderTitle(getTranslation("keys.issued.title", client));
        var value = new Span(key);
        value.setId("key-value");
        value.addClassName("gp-secret-once");
        var example = new Pre("curl -H 'Authorization: Bearer " + key + "' …/api/v1/events");
        dialog.add(new Paragraph(getTranslation("keys.issued.explain")), value, example);
        var close = new Button(getTranslation("users.close"), click -> dialog.close());
        close.setId("key-issued-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }

    private String areaName(AreaCode code) {
        return context.region().area(code).map(a -> a.displayName(english)).orElse(code.value());
    }

    private String kindName(EventKind kind) {
        return Languages.textOr("eventkind." + kind.wireName(), kind.wireName());
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("keys.title");
    }
}
