package io.gridpulse.cockpit.shell;

import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;

/** Simplified Chinese first, English on request; the choice lives in the session. */
public final class Languages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String KEY = "gridpulse.locale";

    private Languages() {}

    public static Locale current() {
        var session = VaadinSession.getCurrent();
        var chosen = session == null ? null : (Locale) session.getAttribute(KEY);
        return chosen == null ? CHINESE : chosen;
    }

    public static void choose(Locale locale) {
        VaadinSession.getCurrent().setAttribute(KEY, locale);
    }
}
