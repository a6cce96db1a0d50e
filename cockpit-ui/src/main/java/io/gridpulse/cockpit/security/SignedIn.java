package io.gridpulse.cockpit.security;

import com.vaadin.flow.server.VaadinSession;

import java.util.Optional;

/** The user signed in to the current Vaadin session. */
public final class SignedIn {
    private static final String KEY = "gridpulse.user";

    private SignedIn() {}

    public static Optional<String> user() {
        var session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(KEY));
    }

    public static void signIn(String user) {
        // a new session id on sign-in defeats session fixation
        com.vaadin.flow.server.VaadinService.reinitializeSession(com.vaadin.flow.server.VaadinRequest.getCurrent());
        VaadinSession.getCurrent().setAttribute(KEY, user);
    }

    public static void signOut() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEY, null);
            session.getSession().invalidate();
        }
    }
}
