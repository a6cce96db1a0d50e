package io.gridpulse.ingest.notify;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.gridpulse.warehouse.notify.DeliveryLog;
import io.gridpulse.warehouse.notify.DeliveryLog.Attempt;
import io.gridpulse.warehouse.notify.DeliveryLog.Outcome;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers alerts to their subscribers off-screen: a signed webhook ({@link WebhookChannel}) or a group-chat robot
 * ({@link RobotChannel}). Reads {@code gp.alerts} in a consumer group ({@value #GROUP}): with
 * two dispatchers running, Kafka gives the topic's one partition to one of them, and the other takes over from the
 * last committed offset when it fails. Offsets are committed only once every notification of a poll has ended,
 * delivered or given up; a notification already recorded as delivered is not sent again, so a takeover sends each
 * alert's firing and resolved notification to each subscriber once (a dispatcher killed between the receiver's answer
 * and the record can send one twice: the {@code X-GridPulse-Delivery} header lets the receiver drop it).
 *
 * <p>Each notification is tried on a virtual thread of its own, retried after each of {@code backoff}'s pauses, and
 * every attempt is recorded ({@link DeliveryLog}). A new group starts at the end of the topic: a first start does not
 * send the alerts of the past.
 */
public final class AlertDispatcher implements AutoCloseable {
    public static final String GROUP = "gridpulse-notify";
    /** The pauses before the second, third ... attempt: four attempts in about 35 s. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(25));
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SUBSCRIPTIONS_FRESH = Duration.ofSeconds(2);

    private final Map<String, Object> properties;
    private final String topic;
    private final SubscriptionStore subscriptions;
    private final DeliveryLog deliveries;
    private final WebhookChannel webhook;
    private final RobotChannel robots;
    private final Clock clock;
    private final List<Duration> backoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private List<Subscription> cached = List.of();
    private Instant cachedAt = Instant.EPOCH;

    /**
     * @param region  the region whose area names the chat messages write
     * @param zone    the zone of the times the chat messages write
     * @param backoff the pauses before each further attempt of a notification
     */
    public AlertDispatcher(String bootstrapServers, String topic, SubscriptionStore subscriptions, DeliveryLog deliveries,
                           Region region, ZoneId zone, Clock clock, List<Duration> backoff) {
        this.topic = topic;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
        this.webhook = new WebhookChannel(clock);
        this.robots = new RobotChannel(new RobotMessage(region, zone), clock);
        var props = new HashMap<String, Object>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridpulse-notify");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // alerts of an aborted Flink transaction are published again with the same ids: do not notify twice
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        this.properties = Map.copyOf(props);
    }

    public synchronized AlertDispatcher start() {
        if (thread != null) {
            throw new IllegalStateException("the dispatcher is already running");
        }
        thread = Thread.ofPlatform().name("alert-dispatcher").daemon().start(this::run);
        return this;
    }

    /** Waits until this dispatcher was given the partition (it may be the standby of another one). */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        var backoffOnError = Duration.ofSeconds(1);
        while (stopping.getCount() > 0) {
            try (var c = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                 var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                consumer = c;
                if (stopping.getCount() == 0) {
                    break;
                }
                c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            log.info("dispatching the alerts of {}", partitions);
                            assigned.countDown();
                        }
                    }
                });
                while (stopping.getCount() > 0) {
                    var records = c.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    var tasks = new ArrayList<java.util.concurrent.Future<?>>();
                    for (var record : records) {
                        var alert = decode(record.offset(), record.value());
                        if (alert == null) {
                            continue;
                        }
                        for (var subscription : subscriptions()) {
                            if (subscription.matches(alert)) {
                                tasks.add(senders.submit(() -> deliver(subscription, Notification.of(subscription.id(), alert))));
                            }
                        }
                    }
                    for (var task : tasks) {
                        task.get();
                    }
                    c.commitSync();
                    backoffOnError = Duration.ofSeconds(1);
                }
            } catch (WakeupException e) {
                // close() woke the consumer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                log.warn("the alert dispatcher stopped on {}; it starts again in {} s from the last committed alert",
                        e.toString(), backoffOnError.toSeconds());
                if (await(backoffOnError)) {
                    return;
                }
                backoffOnError = backoffOnError.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoffOnError.multipliedBy(2);
            } finally {
                consumer = null;
            }
        }
    }

    private List<Subscription> subscriptions() {
        var now = clock.instant();
        if (cachedAt.plus(SUBSCRIPTIONS_FRESH).isBefore(now) || cachedAt.isAfter(now)) {
            cached = subscriptions.active();
            cachedAt = now;
        }
        return cached;
    }

    /** Sends one notification until it is delivered or the pauses run out, recording every attempt. */
    private void deliver(Subscription subscription, Notification notification) {
        if (deliveries.delivered(subscription.id(), notification.alert().alertId(), notification.status())) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            var started = System.nanoTime();
            int status = 0;
            String error = "";
            try {
                if (subscription.channel() == Channel.WEBHOOK) {
                    status = webhook.send(subscription, notification);
                    error = status >= 200 && status <= 299 ? "" : "the receiver answered " + status;
                } else {
                    var answer = robots.send(subscription, notification);
                    status = answer.httpStatus();
                    error = answer.error();
                }
            } catch (IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            var took = Duration.ofNanos(System.nanoTime() - started);
            var last = attempt > backoff.size();
            var outcome = error.isEmpty() ? Outcome.DELIVERED : last ? Outcome.GIVEN_UP : Outcome.FAILED;
            deliveries.record(new Attempt(subscription.id(), subscription.channel().wireName(), subscription.url().getHost(),
                    notification.alert().alertId(), notification.status(), attempt,
                    outcome, status, error, clock.instant(), took));
            if (outcome != Outcome.FAILED) {
                if (outcome == Outcome.GIVEN_UP) {
                    log.warn("gave up delivering {} to {} after {} attempts: {}", notification.deliveryId(),
                            subscription.url().getHost(), attempt, error);
                }
                return;
            }
            if (await(backoff.get(attempt - 1))) {
                return;
            }
        }
    }

    private static Alert decode(long offset, byte[] value) {
        try {
            return AlertJson.decode(value);
        } catch (IllegalArgumentException e) {
            log.warn("skipping the unreadable alert at offset {}: {}", offset, e.getMessage());
            return null;
        }
    }

    private boolean await(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping.countDown();
        var c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(Duration.ofSeconds(10));
        }
    }
}
