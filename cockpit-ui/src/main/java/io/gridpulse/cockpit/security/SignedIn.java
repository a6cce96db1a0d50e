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

    /** The session attribute of a sign-in whose password was right and whose second factor is asked next. */
    static final String PENDING = "gridpulse.pending";
    /** How long the code may be typed after the password. */
    static final java.time.Duration PENDING_FOR = java.time.Duration.ofMinutes(5);

    /** A sign-in halfway: the password was right, the authenticator app's code comes next (or is set up). */
    record Pending(CockpitUser user, boolean enrol, String secret, long startedNanos) implements java.io.Serializable {
    }

    /** Remembers a sign-in halfway, in a new session (as a complete one: no fixation). */
    static void pending(CockpitUser user, boolean enrol) {
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession.getCurrent().setAttribute(PENDING, new Pending(user, enrol, enrol ? Totp.newSecret() : null, System.nanoTime()));
    }

    /** The sign-in halfway, while it is younger than {@link #PENDING_FOR}. */
    static java.util.Optional<Pending> pending() {
        var session = VaadinSession.getCurrent();
        var pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (pending == null || System.nanoTime() - pending.startedNanos() > PENDING_FOR.toNanos()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(pending);
    }

    /** Completes a sign-in halfway (the session is already new). */
    static void complete(CockpitUser user, java.time.Duration idle) {
        var session = VaadinSession.getCurrent();
        session.setAttribute(PENDING, null);
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
