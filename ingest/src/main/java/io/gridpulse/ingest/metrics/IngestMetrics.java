package io.gridpulse.ingest.metrics;

import io.gridpulse.ingest.log.EventLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The edge's Prometheus metrics: requests by route and status, rejects by problem type, events
 * accepted, event-log append latency and the work in flight. One registry per server, scraped at
 * {@code /metrics}.
 */
public final class IngestMetrics {
    /** The content type of a scrape, Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private volatile Set<String> routes = Set.of();
    private volatile java.util.List<java.util.Map.Entry<java.util.regex.Pattern, String>> templates = java.util.List.of();

    public IngestMetrics() {
        Gauge.builder("ingest.requests.in.flight", requestsInFlight, AtomicInteger::get)
                .description("HTTP requests received and not yet answered")
                .register(registry);
    }

    /**
     * Names the route templates that requests are labelled with ({@code /api/v1/areas/{code}} for
     * {@code /api/v1/areas/439901}); any other path counts as {@code unmatched}, so labels come from a fixed set.
     */
    public void routes(Set<String> templates) {
        this.routes = Set.copyOf(templates);
        this.templates = templates.stream().filter(t -> t.contains("{")).sorted()
                .map(t -> java.util.Map.entry(java.util.regex.Pattern.compile(
                        java.util.Arrays.stream(t.split("\\{[^}/]+}", -1)).map(java.util.regex.Pattern::quote)
                                .collect(java.util.stream.Collectors.joining("[^/]+"))), t))
                .toList();
    }

    /** The template a path belongs to, or {@code unmatched}. */
    String routeOf(String path) {
        if (routes.contains(path)) {
            return path;
        }
        for (var template : templates) {
            if (template.getKey().matcher(path).matches()) {
                return template.getValue();
            }
        }
        return "unmatched";
    }

    /** A first handler for every request: counts it in flight and times it until the answer is sent. */
    public Handler<RoutingContext> requestTimer() {
        return ctx -> {
            long start = System.nanoTime();
            requestsInFlight.incrementAndGet();
            ctx.addEndHandler(done -> {
                requestsInFlight.decrementAndGet();
                var route = routeOf(ctx.normalizedPath());
                var status = Integer.toString(ctx.response().getStatusCode());
                Timer.builder("http.server.requests")
                        .description("HTTP requests by route, method and status, until the answer was sent")
                        .tags("route", route, "method", ctx.request().method().name(), "status", status)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry)
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                String problemType = ctx.get(io.gridpulse.ingest.http.ProblemResponse.TYPE_KEY);
                if (problemType != null) {
                    Counter.builder("ingest.rejects")
                            .description("requests answered with a problem, by problem type")
                            .tag("reason", problemType)
                            .register(registry)
                            .increment();
                }
            });
            ctx.next();
        };
    }

    /** Counts events that the log acknowledged and the client was told were accepted. */
    public void accepted(String endpoint, int events) {
        Counter.builder("ingest.events.accepted")
                .description("events acknowledged by the event log and reported accepted")
                .tag("endpoint", endpoint)
                .register(registry)
                .increment(events);
    }

    /** Counts batch items rejected as invalid (whole requests refused are counted as rejects). */
    public void rejectedItems(int items) {
        Counter.builder("ingest.batch.items.rejected")
                .description("items of accepted batches that were invalid and not stored")
                .register(registry)
                .increment(items);
    }

    /** The log, timed: every append's latency by outcome, and the appends waiting for an acknowledgement. */
    public EventLog timed(EventLog log) {
        // one timed view per log: its in-flight gauge registers once, and every edge (HTTP, MQTT) counts in it
        return timedLogs.computeIfAbsent(log, l -> new TimedEventLog(l, registry));
    }

    private final java.util.Map<EventLog, EventLog> timedLogs = new java.util.concurrent.ConcurrentHashMap<>();

    /** The registry behind {@code /metrics}, for other edges of this process (the MQTT device server). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** The current values in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
