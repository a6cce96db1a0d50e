package io.gridpulse.ingest.notify;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.notify.Channel;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.warehouse.alerts.AlertJson;
import io.gridpulse.warehouse.notify.DeliveryLog.Attempt;
import io.gridpulse.warehouse.notify.DeliveryLog.Outcome;
import io.gridpulse.warehouse.notify.DeliveryLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers alerts to their subscribers off-screen: a signed webhook ({@link WebhookChannel}), a group-chat robot
 * ({@link RobotChannel}) or an e-mail ({@link EmailChannel}), grouped as Alertmanager groups them ({@link NotificationGroups}). Reads {@code gp.alerts} in
 * a consumer group ({@value #GROUP}): with two dispatchers running, Kafka gives the topic's one partition to one of
 * them, and the other takes over from the last committed offset when it fails. The committed offset never passes an
 * alert whose notification has not ended (delivered or given up), and a notification already recorded as delivered
 * for an alert is not sent again, so a takeover sends each alert's firing and resolved notice to each subscriber once
 * (a dispatcher killed between the receiver's answer and the record can send one twice: the
 * {@code X-GridPulse-Delivery} header, the same for the same notification, lets the receiver drop it).
 *
 * <p>Each message is sent on a virtual thread of its own, retried after each of {@code backoff}'s pauses, and every
 * attempt is recorded per alert ({@link DeliveryLog}): a receiver that keeps failing delays no one else. A new group
 * starts at the end of the topic: a first start does not send the alerts of the past.
 */
public final class AlertDispatcher implements AutoCloseable {
    public static final String GROUP = "gridpulse-notify";
    /** The pauses before the second, third ... attempt: four attempts in about 35 s. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(25));
    /** A webhook's least pause between two messages of one group (see {@link NotificationGroups}). */
    public static final Duration DEFAULT_WEBHOOK_INTERVAL = NotificationGroups.DEFAULT_WEBHOOK_INTERVAL;
    /** A group robot's or e-mail's least pause between two messages of one group. */
    public static final Duration DEFAULT_ROBOT_INTERVAL = NotificationGroups.DEFAULT_ROBOT_INTERVAL;
    /** How long a group may stay firing before it is sent again as a reminder. */
    public static final Duration DEFAULT_REPEAT = NotificationGroups.DEFAULT_REPEAT;
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration SUBSCRIPTIONS_FRESH = Duration.ofSeconds(2);

    private final Map<String, Object> properties;
    private final String topic;
    private final SubscriptionStore subscriptions;
    private final DeliveryLog deliveries;
    private final WebhookChannel webhook;
    private final RobotChannel robots;
    private final EmailChannel email;
    private final Clock clock;
    private final List<Duration> backoff;
    private final Duration webhookInterval;
    private final Duration robotInterval;
    private final Duration groupRepeat;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch assigned = new CountDownLatch(1);
    /** Log offsets of alerts whose notifications have not ended, with how many are still out. */
    private final TreeMap<Long, Integer> outstanding = new TreeMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private List<Subscription> cached = List.of();
    private long cachedAt = Long.MIN_VALUE;

    /**
     * @param region  the region whose area names the chat messages write
     * @param zone    the zone of the times the chat messages write
     * @param backoff the pauses before each further attempt of a notification
     */
    public AlertDispatcher(String bootstrapServers, String topic, SubscriptionStore subscriptions, DeliveryLog deliveries,
                           Region region, ZoneId zone, Clock clock, List<Duration> backoff) {
        this(bootstrapServers, topic, subscriptions, deliveries, region, zone, clock, backoff,
                NotificationGroups.DEFAULT_WEBHOOK_INTERVAL, NotificationGroups.DEFAULT_ROBOT_INTERVAL,
                NotificationGroups.DEFAULT_REPEAT, null);
    }

    /**
     * @param webhookInterval the least pause between two messages of one group on a webhook (the first of a quiet
     *                        group goes at once)
     * @param robotInterval   the same on a group chat's robot
     * @param groupRepeat     how long a group may stay firing before it is sent again as a reminder
     * @param smtp            the mail server e-mail subscriptions are sent through, or null for none
     */
    public AlertDispatcher(String bootstrapServers, String topic, SubscriptionStore subscriptions, DeliveryLog deliveries,
                           Region region, ZoneId zone, Clock clock, List<Duration> backoff, Duration webhookInterval,
                           Duration robotInterval, Duration groupRepeat, SmtpServer smtp) {
        this.topic = topic;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
        this.webhookInterval = webhookInterval;
        this.robotInterval = robotInterval;
        this.groupRepeat = groupRepeat;
        this.webhook = new WebhookChannel(clock);
        this.robots = new RobotChannel(new RobotMessage(region, zone), clock);
        this.email = new EmailChannel(smtp, new RobotMessage(region, zone));
        var props = new HashMap<String, Object>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridpulse-notify");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // alerts of an aborted Flink transaction are published again with the same ids: do not notify twice
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.properties = Map.copyOf(props);
    }

    public synchronized AlertDispatcher start() {
        if (thread != null) {
            throw new IllegalStateException("the dispatcher is already running");
        }
        thread = Thread.ofPlatform().name("alert-dispatcher").daemon().start(this::run);
        return this;
    }

    /**
     * Waits until this dispatcher was given the partition and knows where it reads from (it may be the standby of
     * another one): every alert published after this returns true is dispatched.
     */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        var backoffOnError = Duration.ofSeconds(1);
        while (stopping.getCount() > 0) {
            var groups = new NotificationGroups(webhookInterval, robotInterval, groupRepeat);
            try (var c = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                 var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                consumer = c;
                if (stopping.getCount() == 0) {
                    break;
                }
                c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // the next owner reads every alert not yet committed again: what waits here is its to send
                        groups.clear();
                        synchronized (outstanding) {
                            outstanding.clear();
                        }
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            // settle where reading starts (the end, for a new group) before saying so: an alert
                            // published after awaitAssigned returns is then read, not skipped by a late reset
                            partitions.forEach(c::position);
                            log.info("dispatching the alerts of {}", partitions);
                            assigned.countDown();
                        }
                    }
                });
                long polledUpTo = -1;
                long committed = -1;
                while (stopping.getCount() > 0) {
                    var records = c.poll(POLL);
                    var now = System.nanoTime();
                    for (var record : records) {
                        polledUpTo = record.offset() + 1;
                        var alert = decode(record.offset(), record.value());
                        if (alert == null) {
                            continue;
                        }
                        for (var subscription : subscriptions(now)) {
                            if (subscription.matches(alert)
                                    && !deliveries.delivered(subscription.id(), alert.alertId(), Notification.status(alert))) {
                                hold(record.offset());
                                groups.add(subscription, alert, record.offset(), now).forEach(b -> send(senders, b));
                            }
                        }
                    }
                    groups.due(now).forEach(b -> send(senders, b));
                    if (polledUpTo >= 0) {
                        long position = committable(polledUpTo);
                        if (position > committed) {
                            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(position)));
                            committed = position;
                        }
                    }
                    backoffOnError = Duration.ofSeconds(1);
                }
            } catch (WakeupException e) {
                // close() woke the consumer
            } catch (RuntimeException e) {
                log.warn("the alert dispatcher stopped on {}; it starts again in {} s from the last committed alert",
                        e.toString(), backoffOnError.toSeconds());
                if (await(backoffOnError)) {
                    return;
                }
                backoffOnError = backoffOnError.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoffOnError.multipliedBy(2);
            } finally {
                consumer = null;
                synchronized (outstanding) {
                    outstanding.clear();
                }
            }
        }
    }

    private List<Subscription> subscriptions(long now) {
        if (cachedAt == Long.MIN_VALUE || now - cachedAt >= SUBSCRIPTIONS_FRESH.toNanos()) {
            cached = subscriptions.active();
            cachedAt = now;
        }
        return cached;
    }

    private void hold(long offset) {
        synchronized (outstanding) {
            outstanding.merge(offset, 1, Integer::sum);
        }
    }

    private void release(List<Long> offsets) {
        synchronized (outstanding) {
            for (var offset : offsets) {
                outstanding.computeIfPresent(offset, (o, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    /** The offset to commit: the first alert still out, or the end of what was polled. */
    private long committable(long polledUpTo) {
        synchronized (outstanding) {
            return outstanding.isEmpty() ? polledUpTo : Math.min(polledUpTo, outstanding.firstKey());
        }
    }

    private void send(ExecutorService senders, NotificationGroups.Batch batch) {
        var subscription = batch.subscription();
        var notification = Notification.of(batch);
        senders.submit(() -> {
            try {
                deliver(subscription, notification);
            } catch (RuntimeException e) {
                log.warn("delivering {} failed: {}", notification.deliveryId(), e.toString());
            } finally {
                release(batch.offsets());
            }
        });
    }

    /** Sends one message until it is delivered or the pauses run out, recording every attempt for each of its alerts. */
    private void deliver(Subscription subscription, Notification notification) {
        for (int attempt = 1; ; attempt++) {
            var started = System.nanoTime();
            int status = 0;
            String error;
            try {
                if (subscription.channel() == Channel.WEBHOOK) {
                    status = webhook.send(subscription, notification);
                    error = status >= 200 && status <= 299 ? "" : "the receiver answered " + status;
                } else if (subscription.channel() == Channel.EMAIL) {
                    error = email.send(subscription, notification);
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
            var at = clock.instant();
            for (var alert : notification.alerts()) {
                deliveries.record(new Attempt(subscription.id(), subscription.channel().wireName(), subscription.target(),
                        alert.alertId(), notification.repeat() ? "repeat" : Notification.status(alert), attempt, outcome,
                        status, error, at, took));
            }
            if (outcome != Outcome.FAILED) {
                if (outcome == Outcome.GIVEN_UP) {
                    log.warn("gave up delivering {} to {} after {} attempts: {}", notification.deliveryId(),
                            subscription.target(), attempt, error);
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
