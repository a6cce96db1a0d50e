package io.gridpulse.cockpit.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.gridpulse.cockpit.CockpitContext;

import java.net.URI;

/**
 * {@code /oidc/callback}: where the region's single sign-on sends the browser back. The answer is checked (state,
 * code, ID token), the person signed in as the claims say, or sent back to the sign-in page with the reason.
 */
@Route("oidc/callback")
public final class SingleSignOnView extends Div implements BeforeEnterObserver {
    /** The session attribute of a sign-in sent to the provider. */
    static final String STARTED = "gridpulse.sso.started";
    /** The session attribute of why the last single sign-on was refused, for the sign-in page to say. */
    static final String REFUSED = "gridpulse.sso.refused";
    /** The session attribute of a user the provider vouched for, until the page's first round trip signs them in. */
    private static final String SIGNED = "gridpulse.sso.signed";

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        var context = CockpitContext.get();
        var session = VaadinSession.getCurrent();
        var started = (SingleSignOn.Started) session.getAttribute(STARTED);
        session.setAttribute(STARTED, null);
        if (started == null || !context.sso().enabled()) {
            enter.forwardTo(SignInView.class);
            return;
        }
        var query = enter.getLocation().getQueryParameters().getQueryString();
        var result = context.sso().finish(URI.create("https://cockpit.invalid/oidc/callback?" + query), started, context.region());
        if (result.user() == null) {
            context.audit().append("sso", "sign_in_failed", "/oidc/callback (" + cut(result.refusal()) + ")");
            session.setAttribute(REFUSED, result.refusal());
            enter.forwardTo(SignInView.class);
            return;
        }
        var signIn = context.accounts().ssoSignIn(result.user());
        switch (signIn.outcome()) {
            case SIGNED_IN -> {
                // completed in the page's first round trip, as a password sign-in is: a new session id then defeats
                // session fixation without moving the session under the page that is being built
                session.setAttribute(SIGNED, signIn.user());
                setId("sso-completing");
                getElement().executeJs("$0.$server.complete()", getElement());
            }
            case SECOND_FACTOR, ENROL_SECOND_FACTOR -> {
                SignedIn.pending(signIn.user(), signIn.outcome() == Accounts.Outcome.ENROL_SECOND_FACTOR);
                enter.forwardTo(SecondFactorView.class);
            }
            default -> {
                VaadinSession.getCurrent().setAttribute(REFUSED, "disabled");
                enter.forwardTo(SignInView.class);
            }
        }
    }

    /** The second half of a single sign-on: the session renewed, the user signed in, the start page opened. */
    @com.vaadin.flow.component.ClientCallable
    private void complete() {
        var session = VaadinSession.getCurrent();
        var user = (CockpitUser) session.getAttribute(SIGNED);
        session.setAttribute(SIGNED, null);
        if (user == null) {
            getUI().ifPresent(ui -> ui.navigate(SignInView.class));
            return;
        }
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        SignedIn.complete(user, CockpitContext.get().sessionIdle());
        getUI().ifPresent(ui -> ui.navigate(""));
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
