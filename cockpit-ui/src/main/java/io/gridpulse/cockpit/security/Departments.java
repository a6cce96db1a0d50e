package io.gridpulse.cockpit.security;

import java.util.List;
import java.util.Optional;

/**
 * The departments cases are assigned to, by the code the {@code demand.assigned} events carry; each has a
 * translation {@code department.<code>} (zh and en). A department filter offers these, and a URL may ask only for one
 * of them: every department asked for costs the screens' live queries of its own.
 */
public final class Departments {
    /** The departments of the demo region, in the order a filter lists them. */
    public static final List<String> CODES = List.of("civil_affairs", "medical_security", "human_resources", "health",
            "education", "emergency_management", "justice", "community");
    private static final String CODE = "[a-z][a-z0-9_]{0,63}";

    private Departments() {}

    /** The department a URL parameter asks for, when it is one of {@link #CODES}; empty for anything else. */
    public static Optional<String> known(String value) {
        return parse(value).filter(CODES::contains);
    }

    /** The department code in a URL parameter or form value; empty for nothing, blank or anything that is not a code. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var code = value.strip();
        return code.matches(CODE) ? Optional.of(code) : Optional.empty();
    }
}
