package io.gridpulse.ingest.http;

import org.slf4j.MDC;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (the client's X-Request-Id when it is sane), echoed in the answer and in logs. */
public final class RequestIds implements Handler<RoutingContext> {
    public static final String KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void handle(RoutingContext ctx) {
        var given = ctx.request().getHeader("X-Request-Id");
        var id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader("X-Request-Id", id);
        // every log line written while the request is handled on this thread carries its id
        MDC.put(KEY, id);
        try {
            ctx.next();
        } finally {
            MDC.remove(KEY);
        }
    }
}
