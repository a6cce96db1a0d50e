package io.gridpulse.standalone;

import io.gridpulse.ingest.IngestConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vertical slice with every real part: events posted over HTTP go through Kafka and the Flink
 * job into chDB; duplicates collapse; bad input is refused and never reaches the log.
 */
@ExtendWith(SharedStack.class)
class EndToEndTest {
    private static GridPulse system;
    private static Api api;

    @BeforeAll
    static void startStack(GridPulse running) {
        system = running;
        api = new Api(system.ingestUrl(), system.apiKey());
    }

    @Test
    void everyAcknowledgedEventArrivesExactlyOnceEvenWhenPostedTwice() throws Exception {
        var streets = List.of("439901001", "439901002", "439901101");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 150; i++) {
            var id = Api.newEventId();
            ids.add(id);
            var grid = streets.get(i % streets.size()) + "001" + "%03d".formatted(1 + i % 7);
            var answer = api.post("/api/v1/events", Api.demand(id, grid));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        for (var id : ids.subList(0, 50)) {   // a terminal retrying: same eventId, same content
            var grid = streets.get(ids.indexOf(id) % streets.size()) + "001" + "%03d".formatted(1 + ids.indexOf(id) % 7);
            assertThat(api.post("/api/v1/events", Api.demand(id, grid)).statusCode()).isEqualTo(202);
        }

        var warehouse = system.warehouse();
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!warehouse.events().ids().containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(warehouse.events().ids()).as("events in the warehouse within 60 s").containsAll(ids);
        // give a late duplicate the chance to show up before judging that none did
        Thread.sleep(3_000);
        var mine = new HashSet<>(ids);
        assertThat(warehouse.events().ids().stream().filter(mine::contains).count()).isEqualTo(150);
        assertThat(warehouse.events().countFinal()).isEqualTo(warehouse.events().distinctCount());
    }

    @Test
    void anInvalidEventIsRefusedWithProblemDetailsAndNeverReachesTheLog() throws Exception {
        var id = Api.newEventId();
        var bad = """
                {"eventId":"%s","kind":"demand.created","occurredAt":"yesterday","source":"terminal-0042",
                 "gridCode":"43990100100","caseId":"c-1","channel":"visit","demandType":"medical_insurance"}
                """.formatted(id);
        var answer = api.post("/api/v1/events", bad);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"pointer\":\"/occurredAt\"").contains("\"pointer\":\"/gridCode\"")
                .contains("\"status\":400");
        assertThat(keysInLog()).doesNotContain(id);
        // and the edge keeps serving
        assertThat(api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901001001001")).statusCode()).isEqualTo(202);
    }

    @Test
    void aRequestWithoutAKeyIsRefused() throws Exception {
        var noKey = new Api(system.ingestUrl(), "gpk_wrong");
        var answer = noKey.post("/api/v1/events", Api.demand(Api.newEventId(), "439901001001001"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void personalIdentifiersArePseudonymisedBeforeTheLog() throws Exception {
        var id = Api.newEventId();
        assertThat(api.post("/api/v1/events", Api.demand(id, "439901002001001")).statusCode()).isEqualTo(202);
        var values = valuesInLog();
        assertThat(values).anySatisfy(v -> assertThat(v).contains(id).contains("\"ref\":\"r_"));
        assertThat(values).noneSatisfy(v -> assertThat(v).containsAnyOf("11010519491231002X", "13812345678"));
    }

    private static Set<String> keysInLog() {
        var keys = new HashSet<String>();
        consumeAll((k, v) -> keys.add(k));
        return keys;
    }

    private static List<String> valuesInLog() {
        var values = new ArrayList<String>();
        consumeAll((k, v) -> values.add(v));
        return values;
    }

    private static void consumeAll(java.util.function.BiConsumer<String, String> each) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(IngestConfig.DEFAULT_EVENTS_TOPIC));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    emptyPolls++;
                }
                records.forEach(r -> each.accept(r.key(), r.value()));
            }
        }
    }
}
