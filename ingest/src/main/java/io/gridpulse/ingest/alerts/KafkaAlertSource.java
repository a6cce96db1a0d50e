package io.gridpulse.ingest.alerts;

import io.gridpulse.warehouse.alerts.AlertJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tails partition 0 of the alerts topic on a platform thread of its own and publishes every alert
 * into the feed. No consumer group: the position lives in the feed, and on start the tail reads
 * back as many alerts as the ring holds, so clients can resume across a restart of the edge.
 * While Kafka is unreachable it keeps retrying with backoff; the stream keeps serving meanwhile.
 */
public final class KafkaAlertSource implements AlertSource {
    private static final Logger log = LoggerFactory.getLogger(KafkaAlertSource.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> properties;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param overrides consumer properties that replace the defaults (read_committed, no auto commit)
     */
    public KafkaAlertSource(String bootstrapServers, String topic, Map<String, Object> overrides) {
        this.topic = topic;
        var props = new HashMap<String, Object>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridpulse-ingest-alerts");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a gap must be noticed (the feed restarts), not skipped silently
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // alerts of an aborted Flink transaction are replayed with the same ids; do not show them twice
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(overrides);
        this.properties = Map.copyOf(props);
    }

    @Override
    public synchronized void start(AlertFeed feed) {
        if (thread != null) {
            throw new IllegalStateException("the alerts tail is already running");
        }
        thread = Thread.ofPlatform().name("alerts-tail").daemon().start(() -> tail(feed));
    }

    private void tail(AlertFeed feed) {
        var partition = new TopicPartition(topic, 0);
        long next = -1;
        var backoff = Duration.ofSeconds(1);
        boolean warned = false;
        while (stopping.getCount() > 0) {
            try (var c = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                if (stopping.getCount() == 0) {
                    break;
                }
                c.assign(List.of(partition));
                if (next < 0) {
                    long first = c.beginningOffsets(List.of(partition), OFFSETS_TIMEOUT).get(partition);
                    long end = c.endOffsets(List.of(partition), OFFSETS_TIMEOUT).get(partition);
                    next = Math.max(first, end - feed.capacity());
                    feed.startAt(next, end);
                    log.info("tailing {} from offset {} (log ends at {})", partition, next, end);
                }
                c.seek(partition, next);
                while (stopping.getCount() > 0) {
                    for (var record : c.poll(POLL)) {
                        publish(feed, record.offset(), record.value());
                        next = record.offset() + 1;
                    }
                    backoff = Duration.ofSeconds(1);
                    warned = false;
                }
            } catch (WakeupException e) {
                // close() woke the consumer: the loop condition ends the tail
            } catch (OffsetOutOfRangeException e) {
                log.warn("alerts after offset {} were deleted from {} before they were read; the feed restarts", next,
                        partition);
                next = -1;
            } catch (KafkaException e) {
                // unreachable, unknown topic, authorisation: retry; say it once per outage, not every attempt
                if (!warned) {
                    log.warn("cannot read {} ({}); retrying in the background, the alert stream stays up",
                            partition, e.toString());
                    warned = true;
                } else {
                    log.debug("still cannot read {}: {}", partition, e.toString());
                }
                if (await(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private static void publish(AlertFeed feed, long offset, byte[] value) {
        try {
            var alert = AlertJson.decode(value);
            if (alert.alertId().isEmpty() || alert.raisedAt() == null) {
                log.warn("skipping the alert at offset {}: it has no alertId or raisedAt", offset);
                return;
            }
            feed.publish(offset, alert);
        } catch (IllegalArgumentException e) {
            log.warn("skipping the unreadable alert at offset {}: {}", offset, e.getMessage());
        }
    }

    /** Waits, returning true if the source is stopping. */
    private boolean await(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        var c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            log.warn("the alerts tail did not stop within 10 s");
        }
    }
}
