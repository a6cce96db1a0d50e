package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
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
            var request = VaadinRequest.getCurrent();
            var result = context.accounts().signIn(login.getUsername(), login.getPassword(),
                    request == null ? "" : request.getRemoteAddr());
            switch (result.outcome()) {
                case SIGNED_IN, MUST_CHANGE_PASSWORD -> {
                    SignedIn.signIn(result.user(), context.sessionIdle());
                    UI.getCurrent().navigate(result.outcome() == Accounts.Outcome.SIGNED_IN ? "" : "password");
                }
                case SECOND_FACTOR, ENROL_SECOND_FACTOR -> {
                    SignedIn.pending(result.user(), result.outcome() == Accounts.Outcome.ENROL_SECOND_FACTOR);
                    UI.getCurrent().navigate(SecondFactorView.class);
                }
                case LOCKED -> refuse(form, getTranslation("signin.locked",
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(context.zone()).format(result.retryAfter())));
                case BUSY -> refuse(form, getTranslation("signin.busy"));
                case REFUSED -> refuse(form, getTranslation("signin.error.message"));
            }
        });
        add(new LanguageSwitch(), form);
        var sso = CockpitContext.get().sso();
        if (sso.enabled()) {
            var button = new com.vaadin.flow.component.button.Button(getTranslation("signin.sso", sso.label()), click -> {
                var started = sso.start(uri -> UI.getCurrent().getPage().setLocation(uri));
                com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(SingleSignOnView.STARTED, started);
            });
            button.setId("sign-in-sso");
            button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_CONTRAST);
            add(button);
        }
        var refusal = com.vaadin.flow.server.VaadinSession.getCurrent() == null ? null
                : (String) com.vaadin.flow.server.VaadinSession.getCurrent().getAttribute(SingleSignOnView.REFUSED);
        if (refusal != null) {
            com.vaadin.flow.server.VaadinSession.getCurrent().setAttribute(SingleSignOnView.REFUSED, null);
            var message = new com.vaadin.flow.component.html.Paragraph(getTranslation("signin.sso.refused", refusal));
            message.setId("sign-in-sso-refused");
            message.addClassName("gp-problems");
            add(message);
        }
    }

    private void refuse(LoginForm form, String message) {
        var i18n = i18n();
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
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
