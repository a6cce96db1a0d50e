package io.gridpulse.ingest.auth;

import io.gridpulse.ingest.http.ProblemResponse;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets a request through only with a known key, given as {@code Authorization: Bearer <key>} or {@code X-API-Key}. */
public final class ApiKeyAuthentication implements Handler<RoutingContext> {
    public static final String CLIENT = "client";
    private final ApiKeys keys;

    public ApiKeyAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var key = presentedKey(ctx);
        if (key == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gridpulse\"");
            ProblemResponse.send(ctx, 401, "unauthenticated", "Authentication required",
                    "send your API key as 'Authorization: Bearer <key>' or in the X-API-Key header");
            return;
        }
        var client = keys.clientFor(key);
        if (client.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gridpulse\", error=\"invalid_token\"");
            ProblemResponse.send(ctx, 401, "unauthenticated", "Unknown API key",
                    "the API key is not known or was revoked");
            return;
        }
        ctx.put(CLIENT, client.get());
        ctx.next();
    }

    private static String presentedKey(RoutingContext ctx) {
        var header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.request().getHeader("X-API-Key");
    }
}
