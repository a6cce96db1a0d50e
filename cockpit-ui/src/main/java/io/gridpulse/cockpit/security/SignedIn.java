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

    /** @param idle how long the session outlives the last request from its browser */
    public static void signIn(CockpitUser user, java.time.Duration idle) {
        // a new session id on sign-in defeats session fixation
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        var session = VaadinSession.getCurrent();
        session.setAttribute(KEY, user);
        session.getSession().setMaxInactiveInterval(Math.toIntExact(idle.toSeconds()));
    }

    /** The account changed since sign-in (a new role, area or department): the session goes on as it is now. */
    static void update(CockpitUser user) {
        VaadinSession.getCurrent().setAttribute(KEY, user);
    }

    /** The session no longer belongs to anyone (the account was disabled), without ending the request being served. */
    static void forget() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEY, null);
        }
    }

    public static void signOut() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(KEY, null);
            session.getSession().invalidate();
        }
    }
}
