package io.gridpulse.model.json;

import java.util.Objects;

/**
 * One thing wrong with a submitted event: an RFC 6901 JSON Pointer to the offending member
 * ({@code ""} for the whole document) and a short sentence a client developer can act on.
 */
public record Problem(String pointer, String reason) {

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reason, "reason");
    }

    /** This problem with its pointer placed under a prefix pointer (e.g. a batch item's {@code /3}). */
    public Problem under(String prefix) {
        return new Problem(prefix + pointer, reason);
    }

    /** Escapes a member name for use as a JSON Pointer token ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
