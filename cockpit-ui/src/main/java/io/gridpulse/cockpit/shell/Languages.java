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

    /** Whether the session reads English. */
    public static boolean english() {
        return current().getLanguage().equals(ENGLISH.getLanguage());
    }

    /**
     * The text of a translation key in the session's language, or {@code fallback} when no language file has it (Vaadin
     * answers a missing key with the key itself or {@code !{key}!}): department, policy and demand-type codes read
     * better as themselves than as a key.
     */
    public static String textOr(String key, String fallback) {
        var provider = com.vaadin.flow.server.VaadinService.getCurrent() == null ? null
                : com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator().getI18NProvider();
        var text = provider == null ? null : provider.getTranslation(key, current());
        return text == null || text.isBlank() || text.startsWith("!{") || text.equals(key) ? fallback : text;
    }

    /** The translation of a coded value ({@code prefix + code}), the code itself when it has none, "" for no code. */
    public static String label(String prefix, String code) {
        return code == null || code.isEmpty() ? "" : textOr(prefix + code, code);
    }

    public static void choose(Locale locale) {
        VaadinSession.getCurrent().setAttribute(KEY, locale);
    }
}
