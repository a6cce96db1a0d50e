package io.gridpulse.ingest;

import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.KafkaEventLog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka event log against the real test broker: every append from many threads lands once; the bound holds. */
class KafkaEventLogTest {

    @Test
    void appendsFromManyThreadsAllLandInTheTopicOnce() throws Exception {
        var topic = "gp.events.log-test";
        TestKafka.createTopic(topic, 3);
        int threads = 4;
        int each = 2_500;
        // what is tested is that every append lands once, not the production timeouts: a CI machine that starves
        // the broker for 15 s (it happened) must not fail the test
        var patient = Map.<String, Object>of("delivery.timeout.ms", 120_000, "request.timeout.ms", 30_000);
        try (var log = new KafkaEventLog(TestKafka.bootstrap(), topic, threads * each, patient)) {
            var all = new ArrayList<CompletableFuture<Void>>();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                var mine = new ArrayList<CompletableFuture<Void>>();
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        mine.add(log.append("k-" + thread + "-" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))
                                .toCompletableFuture());
                    }
                    synchronized (all) {
                        all.addAll(mine);
                    }
                }));
            }
            for (var w : workers) {
                w.join();
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
            assertThat(all).hasSize(threads * each).allSatisfy(f -> assertThat(f).isCompleted());
        }
        try (var admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrap()))) {
            var partitions = new java.util.HashMap<TopicPartition, OffsetSpec>();
            for (int p = 0; p < 3; p++) {
                partitions.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long total = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
            assertThat(total).isEqualTo((long) threads * each);
        }
    }

    @Test
    void beyondTheBoundAnAppendIsRefusedAtOnceAsBusy() throws Exception {
        TestKafka.createTopic("gp.events.busy-test");
        try (var log = new KafkaEventLog(TestKafka.bootstrap(), "gp.events.busy-test", 1, Map.of())) {
            var first = log.append("a", new byte[] {1}).toCompletableFuture();
            var second = log.append("b", new byte[] {2}).toCompletableFuture();
            // the first may already be acknowledged; if not, the second must have been refused as busy
            if (!first.isDone()) {
                assertThat(second).isCompletedExceptionally();
                assertThat(second.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e).get())
                        .isInstanceOf(LogBusyException.class);
            }
            first.get(30, TimeUnit.SECONDS);
        }
    }
}
