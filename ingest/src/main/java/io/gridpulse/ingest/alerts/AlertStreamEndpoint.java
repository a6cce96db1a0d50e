package io.gridpulse.ingest.alerts;

import io.gridpulse.ingest.auth.ApiKeyAuthentication;
import io.gridpulse.ingest.http.ProblemResponse;
import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/alerts/stream}: alerts as Server-Sent Events, {@code id} = the alert's offset
 * on the alerts topic, {@code event: alert}, {@code data} = the alert's JSON.
 *
 * <p>Resuming: a client that sends {@code Last-Event-ID: n} (or {@code ?lastEventId=n}) gets every
 * alert after offset n that the feed still holds, then live ones. If alerts after n have already
 * left the feed, the first event is {@code event: reset}: the client should re-read
 * {@code GET /api/v1/alerts}; the stream then replays everything the feed holds, so that together
 * with the listing nothing is missed (keep the highest {@code version} per {@code alertId}).
 * Without an id, only alerts published from now on are sent.
 *
 * <p>Backpressure: a client is a position in the shared feed plus its socket's bounded write
 * queue. A client so slow that the feed drops alerts it has not yet received is disconnected; it
 * reconnects with its Last-Event-ID and gets a reset.
 */
public final class AlertStreamEndpoint {
    private static final Logger log = LoggerFactory.getLogger(AlertStreamEndpoint.class);
    /** Sent every so often so that proxies and clients see a live connection. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    /** How long a browser's EventSource should wait before reconnecting. */
    private static final int RETRY_MILLIS = 3_000;
    private static final int WRITE_QUEUE_BYTES = 64 * 1024;
    private static final int BATCH = 64;

    private final AlertFeed feed;
    private final Duration heartbeat;
    private final int maxStreamsPerKey;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> streamsByKey =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param maxStreamsPerKey streams one key may hold open at once; one more is answered 429 */
    public AlertStreamEndpoint(AlertFeed feed, Duration heartbeat, int maxStreamsPerKey) {
        this.feed = feed;
        this.heartbeat = heartbeat;
        this.maxStreamsPerKey = maxStreamsPerKey;
    }

    public void get(RoutingContext ctx) {
        var query = QueryParameters.of(ctx, AlertQuery.STREAM_PARAMETERS);
        var filter = AlertQuery.streamFilter(query, ApiKeyAuthentication.grant(ctx));
        var after = AlertQuery.lastEventId(ctx.request().getHeader(AlertQuery.LAST_EVENT_ID), query);
        if (!query.isValid()) {
            ProblemResponse.invalidParameters(ctx, query.status(), query.problems());
            return;
        }
        var client = ApiKeyAuthentication.grant(ctx).client();
        var open = streamsByKey.computeIfAbsent(client, c -> new java.util.concurrent.atomic.AtomicInteger());
        if (open.incrementAndGet() > maxStreamsPerKey) {
            release(client, open);
            ProblemResponse.retryLater(ctx, 429, "too-many-streams", "Too many alert streams",
                    "the key of " + client + " holds " + maxStreamsPerKey + " alert streams already; close one first",
                    (int) heartbeat.toSeconds());
            return;
        }
        var response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        new Connection(ctx.vertx().getOrCreateContext(), response, filter, after, () -> release(client, open)).open();
    }

    /** One client's stream: pumps from its subscription into the socket on the event loop. */
    private final class Connection {
        private final Context context;
        private final HttpServerResponse response;
        private final Predicate<Alert> filter;
        private final OptionalLong after;
        private final Runnable onClose;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private AlertFeed.Subscription subscription;
        private boolean delivered;
        private boolean closed;
        private long heartbeatTimer;

        Connection(Context context, HttpServerResponse response, Predicate<Alert> filter, OptionalLong after,
                   Runnable onClose) {
            this.context = context;
            this.onClose = onClose;
            this.response = response;
            this.filter = filter;
            this.after = after;
        }

        void open() {
            response.closeHandler(v -> close());
            response.endHandler(v -> close());
            // the first bytes send the headers, so the client knows at once that it is connected
            response.write("retry: " + RETRY_MILLIS + "\n\n");
            subscription = feed.subscribe(after, filter, this::schedule);
            heartbeatTimer = context.owner().setPeriodic(heartbeat.toMillis(), id -> keepAlive());
            pump();
        }

        /** Called on the feed's thread: only hop to the event loop, once per burst. */
        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                context.runOnContext(v -> pump());
            }
        }

        private void pump() {
            scheduled.set(false);
            while (!closed) {
                if (delivered && subscription.isLost()) {
                    log.debug("an alert stream client fell behind the feed; disconnecting it");
                    response.reset();
                    close();
                    return;
                }
                if (response.writeQueueFull()) {
                    response.drainHandler(v -> pump());
                    return;
                }
                switch (subscription.next(BATCH)) {
                    case AlertFeed.Next.Lost lost -> {
                        response.write(frame(null, "reset", "{\"reason\":\"the alerts after the given Last-Event-ID"
                                + (lost.ahead() ? " were never issued (it lies beyond the newest alert)" : " are no longer held")
                                + "; re-read GET /api/v1/alerts, then alerts held since offset "
                                + (lost.floor() + 1) + " follow\",\"list\":\"/api/v1/alerts\"}"));
                        subscription.rewindToOldest();
                        delivered = true;
                    }
                    case AlertFeed.Next.Alerts alerts when alerts.entries().isEmpty() -> {
                        return;
                    }
                    case AlertFeed.Next.Alerts alerts -> {
                        var out = Buffer.buffer(alerts.entries().size() * 512);
                        for (var entry : alerts.entries()) {
                            out.appendBuffer(frame(Long.toString(entry.offset()), "alert",
                                    new String(AlertJson.encode(entry.alert()), StandardCharsets.UTF_8)));
                        }
                        response.write(out);
                        delivered = true;
                    }
                }
            }
        }

        private void keepAlive() {
            if (!closed && !response.writeQueueFull()) {
                response.write(": keep-alive\n\n");
            }
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            onClose.run();
            context.owner().cancelTimer(heartbeatTimer);
            if (subscription != null) {
                subscription.close();
            }
        }
    }

    private void release(String client, java.util.concurrent.atomic.AtomicInteger open) {
        if (open.decrementAndGet() <= 0) {
            streamsByKey.remove(client, open);
        }
    }

    /** One event in the text/event-stream format; every line of the data gets its own {@code data:} field. */
    static Buffer frame(String id, String event, String data) {
        var text = new StringBuilder(data.length() + 48);
        if (id != null) {
            text.append("id: ").append(id).append('\n');
        }
        text.append("event: ").append(event).append('\n');
        for (var line : data.split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return Buffer.buffer(text.append('\n').toString());
    }
}
