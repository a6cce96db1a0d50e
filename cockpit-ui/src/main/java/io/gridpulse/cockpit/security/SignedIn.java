package io.gridpulse.cockpit.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

import java.util.Optional;

/** The user signed in to the current Vaadin session. */
public final class SignedIn {
    /** The session attribute that holds the signed-in {@link CockpitUser}. */
    public static final String KEY = "gridpulse.user";

    private SignedIn() {}

    public static Optional<CockpitUser> user() {
        var session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((CockpitUser) session.getAttribute(KEY));
    }

    /** The signed-in user; for views, which the access guard only lets a signed-in user reach. */
    public static CockpitUser required() {
        return user().orElseThrow(() -> new AccessDenied("nobody is signed in"));
    }

    public static void signIn(CockpitUser user) {
        // a new session id on sign-in defeats session fixation
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
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
