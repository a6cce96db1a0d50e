package io.gridpulse.ingest.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/**
 * Refuses request paths that are not in normal form: dot segments, empty segments, encoded
 * slashes, backslashes or dots. The router would normalise them to a real route, and a proxy or
 * access rule in front of us might not, so a path that reads differently to each is refused.
 */
public final class CanonicalPaths implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        var path = ctx.request().path();
        var reason = problem(path);
        if (reason != null) {
            ProblemResponse.send(ctx, 400, "non-canonical-path", "Path not in normal form",
                    "the path " + reason + "; request the resource by its plain path, e.g. /api/v1/events");
            return;
        }
        ctx.next();
    }

    static String problem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "must start with /";
        }
        if (path.contains("//")) {
            return "has an empty segment (//)";
        }
        if (path.contains("\\")) {
            return "contains a backslash";
        }
        var lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")) {
            return "contains an encoded slash, backslash, dot or zero byte";
        }
        for (var segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "contains a dot segment (. or ..)";
            }
        }
        return null;
    }
}
