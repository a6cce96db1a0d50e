package io.gridpulse.ingest.events;

import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.RateLimiter;
import io.gridpulse.ingest.http.MediaType;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.keys.KeyGrant;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /api/v1/events}: validate, pseudonymise, append to the log, and answer 202 only once
 * the log acknowledged. A rejected request writes nothing. A re-sent event (same eventId) is
 * appended again and collapses downstream, so clients may retry freely.
 */
public final class EventsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(EventsEndpoint.class);

    private final EventCodec codec;
    private final EventAdmission admission;
    private final RateLimiter limiter;
    private final EventLog eventLog;
    private final IngestMetrics metrics;
    private final CaseHomes homes;

    public EventsEndpoint(EventCodec codec, EventAdmission admission, RateLimiter limiter, EventLog eventLog,
                          IngestMetrics metrics, CaseHomes homes) {
        this.homes = homes;
        this.codec = codec;
        this.admission = admission;
        this.limiter = limiter;
        this.eventLog = eventLog;
        this.metrics = metrics;
    }

    public void postOne(RoutingContext ctx) {
        post(ctx, codec::decode);
    }

    /**
     * A handler for a route of one kind ({@code POST /api/v1/visits}, {@code /api/v1/demands/{caseId}/responded}
     * ...): the body may leave out {@code kind} and the members the path names, and must agree with them.
     */
    public Handler<RoutingContext> postAs(EventKind kind, String... pathMembers) {
        return ctx -> {
            var fromPath = new java.util.LinkedHashMap<String, String>();
            for (var member : pathMembers) {
                fromPath.put(member, ctx.pathParam(member));
            }
            post(ctx, body -> codec.decodeAs(body, kind, fromPath));
        };
    }

    private void post(RoutingContext ctx, Function<byte[], Decoded> decode) {
        var grant = ApiKeyAuthentication.grant(ctx);
        // the rate is charged before any parsing, so a flood costs as little as possible
        var wait = limiter.take(grant, 1);
        if (wait > 0) {
            ApiKeyAuthentication.tooMany(ctx, wait);
            return;
        }
        var body = EventBodies.readable(ctx, MediaType::isJson, "send one event as a JSON object (application/json)");
        if (body == null) {
            return;
        }
        switch (decode.apply(body)) {
            case Decoded.Invalid(var problems) -> ProblemResponse.invalid(ctx, "The event is not valid", problems);
            case Decoded.Valid(var event) when event instanceof DemandCreated created ->
                    judge(ctx, event, grant, homes.remembered(created.caseId()));
            case Decoded.Valid(var event) when event instanceof DemandEvent demand ->
                    homes.homes(ctx.vertx(), List.of(demand.caseId()), grant)
                            .onSuccess(found -> judge(ctx, event, grant, found.get(demand.caseId())))
                            .onFailure(ctx::fail);
            case Decoded.Valid(var event) -> judge(ctx, event, grant, null);
        }
    }

    private void judge(RoutingContext ctx, Event event, KeyGrant grant, CaseHomes.Home home) {
        switch (admission.judge(event, grant, home)) {
            case EventAdmission.Verdict.Refuse(var status, var type, var problems) ->
                    ProblemResponse.refused(ctx, status, type, title(status), problems);
            case EventAdmission.Verdict.Admit(var admitted, var area) -> {
                if (admitted instanceof DemandCreated creation) {
                    homes.created(creation, area);
                }
                append(ctx, admitted);
            }
        }
    }

    /** The title of a refusal by its status. */
    static String title(int status) {
        return switch (status) {
            case 403 -> "The event is outside this key's scope";
            case 409 -> "The event conflicts with a stored one";
            default -> "The event is not valid";
        };
    }

    private void append(RoutingContext ctx, Event event) {
        Future.fromCompletionStage(eventLog.append(event.eventId(), codec.encode(event)), ctx.vertx().getOrCreateContext())
                .onSuccess(v -> {
                    metrics.accepted("single", 1);
                    ctx.response()
                            .setStatusCode(202)
                            .putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("eventId", event.eventId()).put("status", "accepted").encode());
                })
                .onFailure(error -> {
                    if (event instanceof DemandCreated creation) {
                        homes.lost(creation);
                    }
                    if (LogOutcome.isBusy(error)) {
                        ProblemResponse.retryLater(ctx, 503, "overloaded", "Too many events in flight",
                                "the service is at its limit of events waiting for the log; retry shortly", 1);
                    } else {
                        log.warn("event {} not accepted: {}", event.eventId(), error.getMessage());
                        ProblemResponse.retryLater(ctx, 503, "log-unavailable", "Event log unavailable",
                                "the event was not stored; retry with the same eventId", 5);
                    }
                });
    }

    /** How a failed append is told apart: busy (retry in a second) or unavailable (retry in a few). */
    static final class LogOutcome {
        private LogOutcome() {}

        static boolean isBusy(Throwable error) {
            var cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            return cause instanceof LogBusyException;
        }
    }
}
