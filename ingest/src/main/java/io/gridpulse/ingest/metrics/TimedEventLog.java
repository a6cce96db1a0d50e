package io.gridpulse.ingest.metrics;

import io.gridpulse.ingest.log.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An event log that times each append from request to acknowledgement and counts those in flight. */
final class TimedEventLog implements EventLog {
    private final EventLog log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer acked;
    private final Timer busy;
    private final Timer failed;

    TimedEventLog(EventLog log, MeterRegistry registry) {
        this.log = log;
        this.acked = timer(registry, "acked");
        this.busy = timer(registry, "busy");
        this.failed = timer(registry, "unavailable");
        Gauge.builder("ingest.eventlog.appends.in.flight", inFlight, AtomicInteger::get)
                .description("appends sent to the event log and not yet acknowledged")
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("ingest.eventlog.append")
                .description("time from handing an event to the log until it acknowledged or refused it")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public CompletionStage<Void> append(String key, byte[] value) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        // a fresh future, so the caller sees the log's own exception rather than a CompletionException
        var result = new CompletableFuture<Void>();
        log.append(key, value).whenComplete((ok, error) -> {
            inFlight.decrementAndGet();
            var cause = error instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : error;
            var timer = cause == null ? acked : cause instanceof LogBusyException ? busy : failed;
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (cause == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    @Override
    public boolean isReachable() {
        return log.isReachable();
    }

    @Override
    public void close() {
        log.close();
    }
}
