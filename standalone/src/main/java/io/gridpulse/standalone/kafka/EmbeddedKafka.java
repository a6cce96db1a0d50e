package io.gridpulse.standalone.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, its log
 * on disk under the data folder. Kafka has no public embedding API; these are the internal classes
 * its own start script uses ({@code KafkaRaftServer}, {@code StorageTool}).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** Fixed so that a restart on the same folder finds its own cluster. */
    private static final String CLUSTER_ID = "R3JpZFB1bHNlRGVtbzAx";

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats the folder if it is new and starts the broker. A port of 0 picks a free one, but the
     * folder remembers nothing of ports, so a restart may use another.
     */
    public static EmbeddedKafka start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, java.time.Clock.systemUTC());
    }

    /**
     * The broker on the given clock: the times it stamps records with, and counts retention from, are the system's, so
     * a system run on a moved clock (tests) keeps one time throughout. Kafka's clients and its group coordinator stamp
     * with the machine's clock all the same; a broker on a moved clock therefore accepts records stamped any distance
     * from its own time (on the machine's clock it refuses those more than an hour ahead, Kafka's default).
     */
    public static EmbeddedKafka start(Path dataDir, int port, java.time.Clock clock) throws IOException {
        var logDir = dataDir.resolve("kafka");
        Files.createDirectories(logDir);
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        // the 128 MB default sits on the heap and a single node never compacts much
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("log.retention.hours", "-1");
        props.put("log.retention.bytes", String.valueOf(20L * 1024 * 1024 * 1024));
        var systemClock = clock.equals(java.time.Clock.systemUTC());
        if (!systemClock) {
            props.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        }
        format(logDir, props);

        var config = KafkaConfig.fromProps(props);
        var server = new KafkaRaftServer(config, systemClock ? Time.SYSTEM : new ClockTime(clock));
        server.startup();
        var bootstrap = "127.0.0.1:" + brokerPort;
        log.info("kafka broker listening on {}", bootstrap);
        return new EmbeddedKafka(server, bootstrap);
    }

    /** Kafka's time read from a clock; durations still from the monotonic nanosecond timer. */
    private record ClockTime(java.time.Clock clock) implements Time {
        @Override
        public long milliseconds() {
            return clock.millis();
        }

        @Override
        public long nanoseconds() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long ms) {
            Time.SYSTEM.sleep(ms);
        }
    }

    private static void format(Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        var configFile = Files.createTempFile("kafka-format", ".properties");
        try (var out = Files.newOutputStream(configFile)) {
            props.store(out, "GridPulse embedded broker");
        }
        var output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "-t", CLUSTER_ID, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(configFile);
        if (exit != 0) {
            throw new IOException("could not format the Kafka log folder " + logDir + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    /**
     * Creates the topics that do not exist yet and returns once the broker's metadata names a leader for every
     * partition: a producer that starts earlier may see a partition without one and expire its records.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (var e : partitionsByTopic.entrySet()) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(e.getKey(), e.getValue(), (short) 1)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + e.getKey() + ": " + ex.getCause().getMessage(), ex);
                    }
                }
            }
            awaitLeaders(admin, partitionsByTopic.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create the topics within 30 s", e);
        }
    }

    private static void awaitLeaders(Admin admin, java.util.Collection<String> topics)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                boolean led = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led) {
                    return;
                }
            } catch (ExecutionException notYetKnown) {
                // the broker has not applied the new topic to its metadata yet
            }
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("no leader for every partition of " + topics);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
