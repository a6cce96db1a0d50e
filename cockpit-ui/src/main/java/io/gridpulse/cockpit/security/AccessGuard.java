package io.gridpulse.cockpit.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.shell.Languages;

/**
 * The server-side gate in front of every page: without a signed-in user, to the sign-in page; a
 * route without {@link Requires}, a role without the permission, or an area outside the user's
 * scope, refused with a 403 page. Every page entered and every refusal goes to the audit log.
 */
public final class AccessGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.setLocale(Languages.current());
            ui.addBeforeEnterListener(AccessGuard::check);
        });
    }

    static void check(BeforeEnterEvent enter) {
        var target = enter.getNavigationTarget();
        if (target == SignInView.class || target == SecondFactorView.class || target == SingleSignOnView.class
                || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        var signedIn = SignedIn.user();
        if (signedIn.isEmpty()) {
            enter.forwardTo(SignInView.class);
            return;
        }
        var path = "/" + enter.getLocation().getPath();
        var context = CockpitContext.get();
        var audit = context.audit();
        // the account as it is now: disabled since sign-in ends the session, a new role or area applies at once
        var current = context.accounts().current(signedIn.get().name());
        if (current.isEmpty()) {
            audit.append(signedIn.get().name(), "signed_out_disabled", path);
            SignedIn.forget();
            enter.forwardTo(SignInView.class);
            return;
        }
        var user = current.get();
        if (!user.equals(signedIn.get())) {
            SignedIn.update(user);
        }
        if (target != PasswordView.class && context.accounts().mustChangePassword(user.name())) {
            enter.forwardTo(PasswordView.class);
            return;
        }
        var verdict = verdict(user, target.getAnnotation(Requires.class), enter.getLocation().getSegments());
        if (verdict != null) {
            audit.append(user.name(), "denied", path);
            enter.rerouteToError(AccessDenied.class, verdict);
            return;
        }
        audit.append(user.name(), "view", path);
    }

    /** Why this user may not open a route with these path segments, or null when they may. */
    static String verdict(CockpitUser user, Requires requires, java.util.List<String> segments) {
        if (requires == null) {
            return "the page is not open to any role";
        }
        if (!user.may(requires.value())) {
            return "the role " + user.role().wireName() + " lacks " + requires.value();
        }
        if (requires.areaInPath() && segments.size() > 1) {
            var area = segments.getLast();
            if (user.visible(area).isEmpty()) {
                return "area " + area + " is outside " + user.name() + "'s scope " + user.scope();
            }
        }
        return null;
    }
}
