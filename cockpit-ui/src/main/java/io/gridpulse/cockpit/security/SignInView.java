package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.shell.LanguageSwitch;

/** The sign-in page, the only page reachable without a session. */
@Route("login")
public final class SignInView extends VerticalLayout implements HasDynamicTitle {

    public SignInView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var form = new LoginForm();
        form.setId("sign-in");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        form.addLoginListener(login -> {
            var context = CockpitContext.get();
            context.users().authenticate(login.getUsername(), login.getPassword()).ifPresentOrElse(user -> {
                context.audit().append(user.name(), "sign_in", "/login");
                SignedIn.signIn(user);
                UI.getCurrent().navigate("");
            }, () -> {
                context.audit().append(tried(login.getUsername()), "sign_in_failed", "/login");
                form.setError(true);
            });
        });
        add(new LanguageSwitch(), form);
    }

    /** The name typed, cut short: a password typed into the name field should not land whole in the log. */
    private static String tried(String name) {
        return name == null ? "" : name.length() <= 32 ? name : name.substring(0, 32) + "…";
    }

    private LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("signin.title"));
        i18n.getForm().setUsername(getTranslation("signin.username"));
        i18n.getForm().setPassword(getTranslation("signin.password"));
        i18n.getForm().setSubmit(getTranslation("signin.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("signin.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("signin.error.message"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
