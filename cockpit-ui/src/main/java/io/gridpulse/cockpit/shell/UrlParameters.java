package io.gridpulse.cockpit.shell;

import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.model.area.AreaCode;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reading a page's URL parameters for the signed-in user, the same way on every page whose state lives in its URL
 * ({@code /cases}, {@code /alerts}): a parameter only ever narrows what the user may see, and what cannot be honoured
 * is handed back to be named in a notice, never an error.
 */
public final class UrlParameters {
    private UrlParameters() {}

    /** The first value of a parameter, stripped; null when it is absent or blank. */
    public static String single(Map<String, List<String>> parameters, String name) {
        var values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank() ? null : values.getFirst().strip();
    }

    /**
     * The area the parameter asks for, when it is a known area inside the user's scope; else the user's scope, and the
     * asked value goes to {@code refused} (a well-formed code of no area reads as refused, like one outside the scope).
     */
    public static AreaCode area(CockpitUser user, Map<String, List<String>> parameters, String name, Predicate<String> known,
                                Consumer<String> refused) {
        var asked = single(parameters, name);
        if (asked == null) {
            return user.scope();
        }
        var visible = user.visible(asked).filter(a -> known.test(a.value()));
        if (visible.isEmpty()) {
            refused.accept(asked);
        }
        return visible.orElse(user.scope());
    }
}
