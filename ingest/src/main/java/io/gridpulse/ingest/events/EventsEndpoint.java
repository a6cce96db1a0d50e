package io.gridpulse.ingest.events;

import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/events}: validate, pseudonymise, append to the log, and answer 202 only once
 * the log acknowledged. A rejected request writes nothing. A re-sent event (same eventId) is
 * appended again and collapses downstream, so clients may retry freely.
 */
public final class EventsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(EventsEndpoint.class);

    private final EventCodec codec;
    private final Pseudonymiser pseudonymiser;
    private final EventLog eventLog;

    public EventsEndpoint(EventCodec codec, Pseudonymiser pseudonymiser, EventLog eventLog) {
        this.codec = codec;
        this.pseudonymiser = pseudonymiser;
        this.eventLog = eventLog;
    }

    public void postOne(RoutingContext ctx) {
        if (!isJson(ctx)) {
            ProblemResponse.send(ctx, 415, "unsupported-media-type", "Unsupported media type",
                    "send the event as application/json");
            return;
        }
        var body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            ProblemResponse.send(ctx, 400, "invalid-request", "Empty body", "the request has no body; send one event as a JSON object");
            return;
        }
        switch (codec.decode(body.getBytes())) {
            case Decoded.Invalid(var problems) -> ProblemResponse.invalid(ctx, "The event is not valid", problems);
            case Decoded.Valid(var event) -> append(ctx, pseudonymiser.pseudonymise(event));
        }
    }

    private void append(RoutingContext ctx, Event event) {
        Future.fromCompletionStage(eventLog.append(event.eventId(), codec.encode(event)), ctx.vertx().getOrCreateContext())
                .onSuccess(v -> ctx.response()
                        .setStatusCode(202)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("eventId", event.eventId()).put("status", "accepted").encode()))
                .onFailure(error -> {
                    if (error instanceof LogBusyException) {
                        ProblemResponse.retryLater(ctx, 503, "overloaded", "Too many events in flight",
                                "the service is at its limit of events waiting for the log; retry shortly", 1);
                    } else {
                        log.warn("event {} not accepted: {}", event.eventId(), error.getMessage());
                        ProblemResponse.retryLater(ctx, 503, "log-unavailable", "Event log unavailable",
                                "the event was not stored; retry with the same eventId", 5);
                    }
                });
    }

    private static boolean isJson(RoutingContext ctx) {
        var type = ctx.request().getHeader("Content-Type");
        if (type == null) {
            return false;
        }
        var mime = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }
}
