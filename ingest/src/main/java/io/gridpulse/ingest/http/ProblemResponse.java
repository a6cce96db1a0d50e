package io.gridpulse.ingest.http;

import io.gridpulse.model.json.Problem;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Writes RFC 9457 problem details. Every error the edge gives a client goes through here, so that
 * a terminal always finds the same shape: type, title, status, detail, instance, and for invalid
 * input an {@code errors} array of JSON Pointers and reasons.
 */
public final class ProblemResponse {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** Routing-context key under which the type of the problem answered is left, for metrics. */
    public static final String TYPE_KEY = "problemType";
    private static final String TYPE_BASE = "https://gridpulse.io/problems/";

    private ProblemResponse() {}

    public static void invalid(RoutingContext ctx, String title, List<Problem> problems) {
        refused(ctx, 400, "invalid-request", title, problems);
    }

    /** A refusal that names each field at fault with its JSON Pointer, e.g. 403 for a field outside the key's scope. */
    public static void refused(RoutingContext ctx, int status, String type, String title, List<Problem> problems) {
        var errors = new JsonArray();
        for (var p : problems) {
            errors.add(new JsonObject().put("pointer", p.pointer()).put("detail", p.reason()));
        }
        var detail = problems.size() == 1
                ? describe(problems.getFirst())
                : problems.size() + " problems, the first: " + describe(problems.getFirst());
        send(ctx, status, type, title, detail, new JsonObject().put("errors", errors), null);
    }

    /**
     * Invalid query parameters or headers: each error names its {@code parameter} (or {@code header})
     * instead of a JSON Pointer, since nothing in a body is at fault.
     */
    public static void invalidParameters(RoutingContext ctx, List<ParameterProblem> problems) {
        invalidParameters(ctx, 400, problems);
    }

    /** Like {@link #invalidParameters(RoutingContext, List)} with another status: 403 for a parameter outside the caller's scope. */
    public static void invalidParameters(RoutingContext ctx, int status, List<ParameterProblem> problems) {
        var errors = new JsonArray();
        for (var p : problems) {
            errors.add(new JsonObject().put(p.inHeader() ? "header" : "parameter", p.name()).put("detail", p.reason()));
        }
        var first = problems.getFirst();
        var described = (first.inHeader() ? "header " : "parameter ") + first.name() + " " + first.reason();
        var detail = problems.size() == 1 ? described : problems.size() + " problems, the first: " + described;
        send(ctx, status, status == 403 ? "out-of-scope" : "invalid-request",
                status == 403 ? "Outside this key's scope" : "Invalid request parameters", detail,
                new JsonObject().put("errors", errors), null);
    }

    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        send(ctx, status, type, title, detail, null, null);
    }

    /** A temporary refusal: the client should retry after the given number of seconds. */
    public static void retryLater(RoutingContext ctx, int status, String type, String title, String detail, int retryAfterSeconds) {
        send(ctx, status, type, title, detail, null, retryAfterSeconds);
    }

    private static void send(RoutingContext ctx, int status, String type, String title, String detail,
                             JsonObject extra, Integer retryAfterSeconds) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        ctx.put(TYPE_KEY, type);
        var body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        String requestId = ctx.get(RequestIds.KEY);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (extra != null) {
            body.mergeIn(extra);
        }
        if (retryAfterSeconds != null) {
            response.putHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
    }

    /**
     * For {@code HttpServer#invalidRequestHandler}: a request the HTTP decoder could not read (a line or headers too
     * long, a NUL in a header, a negative or doubled length, a length beside chunked encoding) gets a problem like every
     * other refusal, not the decoder's empty answer; then the connection is closed, since where the next request starts
     * is unknown.
     */
    public static void unreadable(HttpServerRequest request) {
        var cause = request.decoderResult().cause();
        int status;
        String type;
        String title;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            type = "uri-too-long";
            title = "Request line too long";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            type = "headers-too-large";
            title = "Request headers too large";
        } else {
            status = 400;
            type = "malformed-http";
            title = "Malformed HTTP request";
        }
        var reason = cause == null || cause.getMessage() == null ? "the request could not be read as HTTP/1.1"
                : cause.getMessage().replaceAll("\\p{Cntrl}", "?");
        var body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", (reason.length() > 200 ? reason.substring(0, 200) + "…" : reason)
                        + "; nothing was read from this request, and the connection is closed");
        var response = request.response();
        response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).putHeader("Connection", "close")
                .end(body.encode()).onComplete(done -> request.connection().close());
    }

    private static String describe(Problem p) {
        return (p.pointer().isEmpty() ? "the document" : p.pointer()) + " " + p.reason();
    }
}
