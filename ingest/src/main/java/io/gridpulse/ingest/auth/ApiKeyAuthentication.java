package io.gridpulse.ingest.auth;

import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through only with a known key, given as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key}, and puts the key's {@link KeyGrant} on the context for the handlers after it.
 */
public final class ApiKeyAuthentication implements Handler<RoutingContext> {
    public static final String CLIENT = "client";
    public static final String GRANT = "grant";
    private final KeyRing keys;

    public ApiKeyAuthentication(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (conflicting(ctx)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gridpulse\", error=\"invalid_request\"");
            ProblemResponse.send(ctx, 401, "unauthenticated", "Conflicting credentials",
                    "send one API key, once: as 'Authorization: Bearer <key>' or in the X-API-Key header, not two different ones");
            return;
        }
        var key = presentedKey(ctx);
        if (key == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gridpulse\"");
            ProblemResponse.send(ctx, 401, "unauthenticated", "Authentication required",
                    "send your API key as 'Authorization: Bearer <key>' or in the X-API-Key header");
            return;
        }
        var grant = keys.grantFor(key);
        if (grant.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gridpulse\", error=\"invalid_token\"");
            ProblemResponse.send(ctx, 401, "unauthenticated", "Unknown API key",
                    "the API key is not known or was revoked");
            return;
        }
        ctx.put(CLIENT, grant.get().client());
        ctx.put(GRANT, grant.get());
        ctx.next();
    }

    /** The grant of the authenticated key; only valid after this handler ran. */
    public static KeyGrant grant(RoutingContext ctx) {
        return ctx.get(GRANT);
    }

    /** A handler that lets the request on only if the key holds the right (403 otherwise). */
    public static Handler<RoutingContext> requires(Right right) {
        return ctx -> {
            var grant = grant(ctx);
            if (grant == null || !grant.has(right)) {
                ProblemResponse.send(ctx, 403, "forbidden", "Not allowed for this key",
                        "the key of " + (grant == null ? "this client" : grant.client()) + " lacks the right '"
                                + right.wireName() + "' that " + ctx.request().method() + " " + ctx.request().path() + " needs");
                return;
            }
            ctx.next();
        };
    }

    /** A handler that takes one token per request from the key's rate (429 with Retry-After when empty). */
    public static Handler<RoutingContext> limitedBy(RateLimiter limiter) {
        return limitedBy(limiter, 1);
    }

    /**
     * Charges a read by what it costs the warehouse: {@code cost} tokens of the key's rate (a page of alerts is one
     * query, the indicators a dozen), so that a key's rate bounds the work it causes and not only its requests.
     */
    public static Handler<RoutingContext> limitedBy(RateLimiter limiter, int cost) {
        return ctx -> {
            var wait = limiter.take(grant(ctx), cost);
            if (wait > 0) {
                tooMany(ctx, wait);
                return;
            }
            ctx.next();
        };
    }

    /** The 429 answer for a key over its rate. */
    public static void tooMany(RoutingContext ctx, long retryAfterSeconds) {
        var grant = grant(ctx);
        ProblemResponse.retryLater(ctx, 429, "rate-limited", "Too many requests",
                "the key of " + grant.client() + " may send " + fmt(grant.perSecond()) + " per second (bursts of "
                        + grant.burst() + "); nothing of this request was stored, retry after the delay",
                (int) Math.min(Integer.MAX_VALUE, retryAfterSeconds));
    }

    private static String fmt(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }

    /**
     * Whether the request names more than one key: two Authorization or X-API-Key headers, or a Bearer key and an
     * X-API-Key that differ. Which one would count is then a guess, and a proxy that adds its own must not win silently.
     */
    private static boolean conflicting(RoutingContext ctx) {
        var authorizations = ctx.request().headers().getAll("Authorization");
        var apiKeys = ctx.request().headers().getAll("X-API-Key");
        if (authorizations.size() > 1 || apiKeys.size() > 1) {
            return true;
        }
        if (authorizations.isEmpty() || apiKeys.isEmpty()) {
            return false;
        }
        var header = authorizations.getFirst();
        var bearer = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        return bearer == null || !bearer.equals(apiKeys.getFirst().trim());
    }

    private static String presentedKey(RoutingContext ctx) {
        var header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.request().getHeader("X-API-Key");
    }
}
