package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.shell.MainLayout;

import java.util.stream.Collectors;

/**
 * {@code /password}: a user chooses a new password. A new account and a reset one land here at the first sign-in and
 * can open nothing else until it is done.
 */
@Route(value = "password", layout = MainLayout.class)
@Requires(Permission.VIEW_INDICATORS)
public final class PasswordView extends VerticalLayout implements HasDynamicTitle {

    public PasswordView() {
        var context = CockpitContext.get();
        var user = SignedIn.required();
        var forced = context.accounts().mustChangePassword(user.name());
        var current = new PasswordField(getTranslation(forced ? "password.temporary" : "password.current"));
        current.setId("password-current");
        var chosen = new PasswordField(getTranslation("password.new"));
        chosen.setId("password-new");
        chosen.setHelperText(getTranslation("password.rule", Passwords.MIN_LENGTH));
        var again = new PasswordField(getTranslation("password.again"));
        again.setId("password-again");
        var save = new Button(getTranslation("password.save"), click -> {
            current.setInvalid(false);
            chosen.setInvalid(false);
            again.setInvalid(false);
            if (!chosen.getValue().equals(again.getValue())) {
                again.setErrorMessage(getTranslation("password.rule.again"));
                again.setInvalid(true);
                return;
            }
            var problems = context.accounts().changePassword(user.name(), current.getValue(), chosen.getValue());
            if (problems.isEmpty()) {
                Notification.show(getTranslation("password.changed"), 3_000, Notification.Position.BOTTOM_START);
                UI.getCurrent().navigate("");
                return;
            }
            var field = problems.contains("password.rule.current") ? current : chosen;
            field.setErrorMessage(problems.stream().map(this::getTranslation).collect(Collectors.joining(" ")));
            field.setInvalid(true);
        });
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(current, chosen, again);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28em");
        add(new H1(getTranslation("password.title")),
                new Paragraph(getTranslation(forced ? "password.explain.forced" : "password.explain")), form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title");
    }
}
