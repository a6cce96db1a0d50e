package io.gridpulse.ingest;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The one real Kafka broker of this test JVM (KRaft, one node), started on first use, as the
 * standalone's embedded broker starts it; the ingest module cannot depend on standalone.
 */
final class TestKafka {

    private TestKafka() {}

    static String bootstrap() {
        return Holder.BOOTSTRAP;
    }

    /** Creates a one-partition topic, so that its records keep the order they were acknowledged in. */
    static void createTopic(String topic) {
        createTopic(topic, 1);
    }

    /**
     * Creates a topic and returns once the broker's metadata names a leader for every partition; a producer that
     * starts earlier may see a partition without one and let its records expire (seen once in CI).
     */
    static void createTopic(String topic, int partitions) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!led(admin, topic)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no leader for every partition of " + topic + " within 30 s");
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + topic, e);
        }
    }

    private static boolean led(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYetKnown) {
            return false;
        }
    }

    /** Every record value in the topic by key, read from the start up to the end offset of now. */
    static Map<String, String> records(String topic) {
        var props = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            var records = new HashMap<String, String>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    records.put(record.key(), record.value());
                }
            }
            return records;
        }
    }

    private static final class Holder {
        static final String BOOTSTRAP = start();

        private static String start() {
            try {
                var logDir = Files.createTempDirectory("gridpulse-ingest-kafka");
                int brokerPort = freePort();
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
                // a consumer group forms at once, as in the standalone's broker
                props.put("group.initial.rebalance.delay.ms", "0");
                props.put("transaction.state.log.replication.factor", "1");
                props.put("transaction.state.log.min.isr", "1");
                props.put("share.coordinator.state.topic.replication.factor", "1");
                props.put("share.coordinator.state.topic.min.isr", "1");
                props.put("auto.create.topics.enable", "false");
                props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
                format(logDir, props);
                var server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
                server.startup();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.shutdown();
                    server.awaitShutdown();
                }));
                return "127.0.0.1:" + brokerPort;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void format(java.nio.file.Path logDir, Properties props) throws IOException {
            var configFile = Files.createTempFile("kafka-format", ".properties");
            try (var out = Files.newOutputStream(configFile)) {
                props.store(out, "ingest test broker");
            }
            var output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(new String[]{"format", "-t", "SW5nZXN0VGVzdEJyb2tlcg", "-c", configFile.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(configFile);
            if (exit != 0) {
                throw new IOException("could not format " + logDir + ": " + output.toString(StandardCharsets.UTF_8));
            }
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
