package io.gridpulse.ingest.http;

import java.util.Objects;

/**
 * One thing wrong with a query parameter or a request header, and a sentence a client developer can act on.
 *
 * @param name     the parameter (or header) name as the client sent it
 * @param reason   what is wrong, e.g. "must be an ISO-8601 instant"
 * @param inHeader true when the value came in a header rather than the query string
 */
public record ParameterProblem(String name, String reason, boolean inHeader) {

    public ParameterProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }

    public static ParameterProblem parameter(String name, String reason) {
        return new ParameterProblem(name, reason, false);
    }

    public static ParameterProblem header(String name, String reason) {
        return new ParameterProblem(name, reason, true);
    }
}
