package io.gridpulse.cockpit.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.AccountForm;
import io.gridpulse.cockpit.security.Accounts;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Departments;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.AreaLabel;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.area.Area;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/users}: an administrator keeps the people of their area: creates an account (with a one-time password
 * shown once, to be changed at the first sign-in), changes its role, area or department, disables or enables it, and
 * resets a forgotten password. Only accounts inside the administrator's own area are listed or changed; every change is
 * in the audit log, and in force at the user's next page.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@Requires(Permission.MANAGE_USERS)
public final class UsersView extends VerticalLayout implements HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final CockpitUser admin = SignedIn.required();
    private final boolean english = Languages.current().getLanguage().equals("en");
    private final Grid<Accounts.Account> grid = new Grid<>();

    public UsersView() {
        setSizeFull();
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(context.zone());
        grid.setId("users");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(a -> a.user().name()).setHeader(getTranslation("users.name")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation("role." + a.user().role().wireName())).setHeader(getTranslation("users.role"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> areaName(a.user())).setHeader(getTranslation("users.scope")).setFlexGrow(1);
        grid.addColumn(a -> a.user().departmentName().map(d -> Languages.label("department.", d)).orElse(""))
                .setHeader(getTranslation("users.department")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("users.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation(a.secondFactor() ? "users.second-factor.on"
                : context.accounts().needsSecondFactor(a.user()) ? "users.second-factor.pending" : "users.second-factor.none"))
                .setHeader(getTranslation("users.second-factor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> time.format(a.changedAt()) + " · " + a.changedBy()).setHeader(getTranslation("users.changed"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        var create = new Button(getTranslation("users.create"), click -> openForm(Optional.empty()));
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("users.title")), new Paragraph(getTranslation("users.explain")), create, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component status(Accounts.Account account) {
        var key = account.disabled() ? "users.status.disabled" : account.mustChangePassword() ? "users.status.must-change" : "users.status.active";
        var badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(account.disabled() ? "badge contrast" : account.mustChangePassword() ? "badge" : "badge success");
        return badge;
    }

    private Component actions(Accounts.Account account) {
        var name = account.user().name();
        var edit = new Button(getTranslation("users.edit"), click -> openForm(Optional.of(account)));
        edit.setId("user-edit-" + name);
        var toggle = new Button(getTranslation(account.disabled() ? "users.enable" : "users.disable"), click -> {
            var problems = context.accounts().setDisabled(name, !account.disabled(), admin);
            problems.forEach(p -> com.vaadin.flow.component.notification.Notification.show(getTranslation(p.key()), 5_000,
                    com.vaadin.flow.component.notification.Notification.Position.MIDDLE));
            refresh();
        });
        toggle.setId("user-toggle-" + name);
        var reset = new Button(getTranslation("users.reset"), click -> {
            var issued = context.accounts().resetPassword(name, admin);
            showPassword(name, issued.temporaryPassword());
            refresh();
        });
        reset.setId("user-reset-" + name);
        var resetFactor = new Button(getTranslation("users.second-factor.reset"), click -> {
            context.accounts().resetSecondFactor(name, admin);
            com.vaadin.flow.component.notification.Notification.show(getTranslation("users.second-factor.reset.done", name), 5_000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
            refresh();
        });
        resetFactor.setId("user-reset-factor-" + name);
        resetFactor.setVisible(account.secondFactor());
        var self = name.equals(admin.name());
        toggle.setEnabled(!self);
        for (var button : List.of(edit, toggle, reset, resetFactor)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        if (!account.disabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return new HorizontalLayout(edit, toggle, reset, resetFactor);
    }

    /** The form of a new account, or of an existing one (its name fixed). */
    private void openForm(Optional<Accounts.Account> existing) {
        var dialog = new Dialog();
        dialog.setId("user-form");
        dialog.setHeaderTitle(getTranslation(existing.isPresent() ? "users.edit.title" : "users.create.title"));
        var name = new TextField(getTranslation("users.name"));
        name.setId("user-name");
        name.setHelperText(getTranslation("users.name.help"));
        var role = new Select<Role>();
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.wireName()));
        var scope = new ComboBox<Area>(getTranslation("users.scope"));
        scope.setId("user-scope");
        scope.setItems(context.areasWithin(admin.scope()));
        scope.setItemLabelGenerator(a -> AreaLabel.indented(a, english));
        scope.setWidthFull();
        var department = new ComboBox<String>(getTranslation("users.department"));
        department.setId("user-department");
        department.setItems(Departments.CODES);
        department.setItemLabelGenerator(d -> Languages.label("department.", d));
        department.setAllowCustomValue(true);
        department.addCustomValueSetListener(custom -> department.setValue(custom.getDetail()));
        department.setHelperText(getTranslation("users.department.help"));
        department.setClearButtonVisible(true);
        existing.ifPresent(a -> {
            name.setValue(a.user().name());
            name.setReadOnly(true);
            role.setValue(a.user().role());
            context.region().area(a.user().scope()).ifPresent(scope::setValue);
            a.user().departmentName().ifPresent(department::setValue);
        });
        var form = new FormLayout(name, role, scope, department);
        form.setColspan(scope, 2);
        var save = new Button(getTranslation("users.save"), click -> {
            var filled = new AccountForm(name.getValue(), role.getValue() == null ? null : role.getValue().wireName(),
                    scope.getValue() == null ? null : scope.getValue().code().value(), department.getValue());
            name.setInvalid(false);
            department.setInvalid(false);
            role.setInvalid(false);
            scope.setInvalid(false);
            List<AccountForm.Problem> problems;
            String password = null;
            if (existing.isPresent()) {
                problems = context.accounts().change(existing.get().user().name(), filled, admin);
            } else {
                var issued = context.accounts().create(filled, admin);
                problems = issued.problems();
                password = issued.temporaryPassword();
            }
            for (var problem : problems) {
                var message = getTranslation(problem.key());
                switch (problem.field()) {
                    case "name" -> { name.setErrorMessage(message); name.setInvalid(true); }
                    case "role" -> { role.setErrorMessage(message); role.setInvalid(true); }
                    case "scope" -> { scope.setErrorMessage(message); scope.setInvalid(true); }
                    default -> { department.setErrorMessage(message); department.setInvalid(true); }
                }
            }
            if (problems.isEmpty()) {
                dialog.close();
                refresh();
                if (password != null) {
                    showPassword(filled.name().strip(), password);
                }
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("users.cancel"), click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** The one-time password, shown once: the administrator hands it over, the user changes it at the first sign-in. */
    private void showPassword(String name, String password) {
        var dialog = new Dialog();
        dialog.setId("user-password");
        dialog.setHeaderTitle(getTranslation("users.password.title", name));
        var value = new Span(password);
        value.setId("user-temporary-password");
        value.addClassName("gp-secret-once");
        dialog.add(new Paragraph(getTranslation("users.password.explain")), value);
        var close = new Button(getTranslation("users.close"), click -> dialog.close());
        close.setId("user-password-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(context.accounts().within(admin));
    }

    private String areaName(CockpitUser user) {
        return context.region().area(user.scope()).map(a -> a.displayName(english)).orElse(user.scope().value())
                + " (" + user.scope().value() + ")";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
