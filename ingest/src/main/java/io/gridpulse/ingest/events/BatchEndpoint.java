package io.gridpulse.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.auth.RateLimiter;
import io.gridpulse.ingest.events.BatchReader.Read;
import io.gridpulse.ingest.events.EventsEndpoint.LogOutcome;
import io.gridpulse.ingest.http.MediaType;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandEvent;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyGrant;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events:batch}: many events in one request, as a JSON array or NDJSON. Each
 * item is judged alone and the answer lists what became of each (accepted, rejected with its
 * problems, or retry), so an offline terminal resends only what failed. An item is reported
 * accepted only once the log acknowledged it; items sharing an eventId are appended once.
 */
public final class BatchEndpoint {
    private static final Logger log = LoggerFactory.getLogger(BatchEndpoint.class);
    private static final String HOW_TO_SEND =
            "send a JSON array of events as application/json, or one event per line as application/x-ndjson";

    private final EventCodec codec;
    private final EventAdmission admission;
    private final RateLimiter limiter;
    private final EventLog eventLog;
    private final IngestMetrics metrics;
    private final BatchReader reader;
    private final int appendWindow;
    private final CaseHomes homes;

    /**
     * @param maxEvents    the most items a batch may carry
     * @param appendWindow the most appends one batch keeps waiting for the log at once
     */
    public BatchEndpoint(EventCodec codec, EventAdmission admission, RateLimiter limiter, EventLog eventLog,
                         IngestMetrics metrics, int maxEvents, int appendWindow, CaseHomes homes) {
        this.homes = homes;
        this.codec = codec;
        this.admission = admission;
        this.limiter = limiter;
        this.eventLog = eventLog;
        this.metrics = metrics;
        this.reader = new BatchReader(maxEvents);
        this.appendWindow = Math.max(1, appendWindow);
    }

    public void post(RoutingContext ctx) {
        var body = EventBodies.readable(ctx, type -> type.isJson() || type.isNdjson(), HOW_TO_SEND);
        if (body == null) {
            return;
        }
        var read = MediaType.of(ctx).isNdjson() ? reader.ndjson(body) : reader.jsonArray(body);
        switch (read) {
            case Read.Malformed(var problem) -> ProblemResponse.invalid(ctx, "The batch is not readable", List.of(problem));
            case Read.TooMany(var max) -> ProblemResponse.send(ctx, 413, "payload-too-large", "Too many events",
                    "a batch carries at most " + max + " events; split it and send the parts");
            case Read.Items(var items) -> {
                var grant = ApiKeyAuthentication.grant(ctx);
                if (items.size() > grant.burst()) {
                    ProblemResponse.send(ctx, 413, "payload-too-large", "Batch larger than this key's burst",
                            "the key of " + grant.client() + " may send at most " + grant.burst()
                                    + " events at once; split the batch and send the parts");
                    return;
                }
                var wait = limiter.take(grant, items.size());
                if (wait > 0) {
                    ApiKeyAuthentication.tooMany(ctx, wait);
                    return;
                }
                var decoded = items.stream().map(codec::decode).toList();
                var events = decoded.stream().<Event>mapMulti((d, out) -> {
                    if (d instanceof Decoded.Valid(var event)) {
                        out.accept(event);
                    }
                }).toList();
                homes.homes(ctx.vertx(), CaseHomes.casesOf(events), grant)
                        .onSuccess(found -> judge(ctx, items, decoded, grant, new HashMap<>(found)))
                        .onFailure(ctx::fail);
            }
        }
    }

    /**
     * Judges each item; {@code homes} holds the homes of the batch's cases, and takes those its own creations
     * found, so that a step after its case's creation in one batch is judged against it.
     */
    private void judge(RoutingContext ctx, List<JsonNode> items, List<Decoded> decoded, KeyGrant grant,
                       Map<String, CaseHomes.Home> homes) {
        var results = new Item[items.size()];
        var allProblems = new ArrayList<Problem>();
        // one append per eventId: copies of an event inside a batch share its outcome; another event under its id is refused
        var byEventId = new LinkedHashMap<String, Append>();
        var firstOf = new HashMap<String, Integer>();
        for (int i = 0; i < items.size(); i++) {
            var prefix = "/" + i;
            switch (decoded.get(i)) {
                case Decoded.Invalid(var problems) -> {
                    var under = problems.stream().map(p -> p.under(prefix)).toList();
                    allProblems.addAll(under);
                    results[i] = new Item(claimedEventId(items.get(i)), under);
                }
                case Decoded.Valid(var event) -> {
                    var first = firstOf.putIfAbsent(event.eventId(), i);
                    if (first != null) {
                        if (decoded.get(first) instanceof Decoded.Valid(var earlier) && earlier.equals(event)) {
                            // a copy: appended once, and told the same as the first
                            results[i] = results[first].append() != null ? new Item(event.eventId(), results[first].append())
                                    : new Item(event.eventId(), results[first].problems());
                        } else {
                            var problem = new Problem(prefix + "/eventId", "is the eventId of item " + first
                                    + ", a different event; every event needs its own eventId");
                            allProblems.add(problem);
                            results[i] = new Item(event.eventId(), List.of(problem));
                        }
                        continue;
                    }
                    var home = event instanceof DemandEvent demand
                            ? homes.computeIfAbsent(demand.caseId(), this.homes::remembered) : null;
                    switch (admission.judge(event, grant, home)) {
                        case EventAdmission.Verdict.Refuse(var status, var type, var problems) -> {
                            var under = problems.stream().map(p -> p.under(prefix)).toList();
                            allProblems.addAll(under);
                            results[i] = new Item(event.eventId(), under);
                        }
                        case EventAdmission.Verdict.Admit(var admitted, var area) -> {
                            var append = new Append(admitted);
                            byEventId.put(event.eventId(), append);
                            results[i] = new Item(event.eventId(), append);
                            if (admitted instanceof DemandCreated creation && area != null) {
                                homes.putIfAbsent(creation.caseId(), new CaseHomes.Home(area, creation.eventId()));
                                this.homes.created(creation, area);
                            }
                        }
                    }
                }
            }
        }
        if (byEventId.isEmpty()) {
            ProblemResponse.invalid(ctx, "No event in the batch is valid", allProblems);
            return;
        }
        new Appends(ctx, List.copyOf(byEventId.values()), () -> answer(ctx, results)).start();
    }

    private void answer(RoutingContext ctx, Item[] items) {
        int accepted = 0;
        int rejected = 0;
        int retry = 0;
        boolean busy = false;
        Throwable unavailable = null;
        var results = new JsonArray();
        for (int i = 0; i < items.length; i++) {
            var item = items[i];
            var result = new JsonObject().put("index", i);
            if (item.eventId() != null) {
                result.put("eventId", item.eventId());
            }
            if (item.problems() != null) {
                rejected++;
                var errors = new JsonArray();
                item.problems().forEach(p -> errors.add(new JsonObject().put("pointer", p.pointer()).put("detail", p.reason())));
                result.put("status", "rejected").put("errors", errors);
            } else if (item.append().error == null) {
                accepted++;
                result.put("status", "accepted");
            } else {
                retry++;
                boolean itemBusy = LogOutcome.isBusy(item.append().error);
                busy |= itemBusy;
                if (!itemBusy) {
                    unavailable = item.append().error;
                }
                result.put("status", "retry").put("detail", itemBusy
                        ? "the service is at its limit of events waiting for the log; resend this item shortly"
                        : "the event log did not acknowledge this event; resend it with the same eventId");
            }
            results.add(result);
        }
        if (unavailable != null) {
            log.warn("{} events of a batch not accepted: {}", retry, unavailable.getMessage());
        }
        metrics.accepted("batch", accepted);
        metrics.rejectedItems(rejected);
        if (accepted == 0 && rejected == 0) {
            if (busy) {
                ProblemResponse.retryLater(ctx, 503, "overloaded", "Too many events in flight",
                        "the service is at its limit of events waiting for the log; nothing was stored, resend the batch shortly", 1);
            } else {
                ProblemResponse.retryLater(ctx, 503, "log-unavailable", "Event log unavailable",
                        "no event of the batch was stored; resend it with the same eventIds", 5);
            }
            return;
        }
        var response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (retry > 0) {
            response.putHeader("Retry-After", busy ? "1" : "5");
        }
        response.setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("accepted", accepted).put("rejected", rejected).put("retry", retry)
                        .put("results", results).encode());
    }

    /** The eventId a rejected item claims, echoed so the client can match it; only a plausible one. */
    private static String claimedEventId(JsonNode item) {
        var id = item == null ? null : item.get("eventId");
        return id != null && id.isTextual() && id.textValue().length() <= 64 ? id.textValue() : null;
    }

    /** One item's fate: rejected with problems, or waiting on (then settled by) an append. */
    private record Item(String eventId, List<Problem> problems, Append append) {
        Item(String eventId, List<Problem> problems) {
            this(eventId, problems, null);
        }

        Item(String eventId, Append append) {
            this(eventId, null, append);
        }
    }

    /** One append to the log and, once settled, its error (null when acknowledged). Touched only on the request's context. */
    private static final class Append {
        final Event event;
        Throwable error;

        Append(Event event) {
            this.event = event;
        }
    }

    /**
     * Sends the appends with at most {@code appendWindow} waiting at once, so that one large batch
     * does not take all of the log's in-flight capacity; every completion comes back on the
     * request's context, so no state here is shared between threads.
     */
    private final class Appends {
        private final Context context;
        private final List<Append> appends;
        private final Runnable done;
        private int next;
        private int waiting;
        private int settled;

        Appends(RoutingContext ctx, List<Append> appends, Runnable done) {
            this.context = ctx.vertx().getOrCreateContext();
            this.appends = appends;
            this.done = done;
        }

        void start() {
            while (next < appends.size() && waiting < appendWindow) {
                send(appends.get(next++));
            }
        }

        private void send(Append append) {
            waiting++;
            var event = append.event;
            Future.fromCompletionStage(eventLog.append(event.eventId(), codec.encode(event)), context)
                    .onComplete(result -> {
                        waiting--;
                        settled++;
                        if (result.failed()) {
                            append.error = result.cause();
                            if (event instanceof DemandCreated creation) {
                                homes.lost(creation);
                            }
                        }
                        if (settled == appends.size()) {
                            done.run();
                        } else {
                            start();
                        }
                    });
        }
    }
}
