package io.gridpulse.cockpit.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.gridpulse.cockpit.shell.Languages;

/** Sends every navigation without a signed-in user to the sign-in page; nothing else is public. */
public final class AccessGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.setLocale(Languages.current());
            ui.addBeforeEnterListener(enter -> {
                if (enter.getNavigationTarget() != SignInView.class && SignedIn.user().isEmpty()) {
                    enter.forwardTo(SignInView.class);
                }
            });
        });
    }
}
