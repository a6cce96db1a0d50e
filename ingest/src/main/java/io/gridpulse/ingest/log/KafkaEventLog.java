package io.gridpulse.ingest.log;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The event log on Kafka: idempotent producer, acks=all, so that an acknowledged event is on the
 * broker's log before the client hears 202. {@code send} may block (metadata, full buffer), so it
 * runs on one sender thread, never on a Vert.x event loop, which drains a queue of appends in bursts;
 * a semaphore bounds the appends in flight.
 */
public final class KafkaEventLog implements EventLog {
    private static final Logger log = LoggerFactory.getLogger(KafkaEventLog.class);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final ExecutorService sender;
    /** Appends waiting for the sender thread; it drains them in one go, so a burst costs one wake-up, not one each. */
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Semaphore inFlight;
    private final int maxInFlight;
    private volatile long lastAckNanos = System.nanoTime();
    private volatile boolean lastSendFailed;

    public KafkaEventLog(String bootstrapServers, String topic, int maxInFlight, Map<String, Object> overrides) {
        this.topic = topic;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        var props = new HashMap<String, Object>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail fast enough that a client hears 503 and retries instead of hanging
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gridpulse-ingest");
        props.putAll(overrides);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kafka-sender").daemon().factory());
    }

    @Override
    public CompletionStage<Void> append(String key, byte[] value) {
        var done = new CompletableFuture<Void>();
        if (!inFlight.tryAcquire()) {
            done.completeExceptionally(new LogBusyException(maxInFlight + " events are already waiting for the log"));
            return done;
        }
        waiting.add(new Pending(key, value, done));
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RuntimeException rejected) {
                draining.set(false);
                for (Pending p; (p = waiting.poll()) != null; ) {
                    inFlight.release();
                    p.done().completeExceptionally(new LogUnavailableException("the event log is shutting down", rejected));
                }
            }
        }
        return done;
    }

    private record Pending(String key, byte[] value, CompletableFuture<Void> done) { }

    private void drain() {
        do {
            for (Pending p; (p = waiting.poll()) != null; ) {
                send(p.key(), p.value(), p.done());
            }
            draining.set(false);
            // an append that came after the last poll but before the flag was cleared is picked up here
        } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
    }

    private void send(String key, byte[] value, CompletableFuture<Void> done) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                inFlight.release();
                if (error == null) {
                    lastAckNanos = System.nanoTime();
                    lastSendFailed = false;
                    done.complete(null);
                } else {
                    lastSendFailed = true;
                    done.completeExceptionally(new LogUnavailableException(
                            "the event log did not acknowledge the event: " + error.getMessage(), error));
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when metadata cannot be had within max.block.ms, or on shutdown
            inFlight.release();
            lastSendFailed = true;
            if (!(e instanceof RetriableException)) {
                log.warn("event log refused a record: {}", e.toString());
            }
            done.completeExceptionally(new LogUnavailableException("the event log is unavailable: " + e.getMessage(), e));
        }
    }

    @Override
    public boolean isReachable() {
        return !lastSendFailed || System.nanoTime() - lastAckNanos < TimeUnit.SECONDS.toNanos(5);
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
