package io.gridpulse.streams;

import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job graph, built but not run: type extraction, uids and wiring fail here, fast, instead of at start-up. */
class StreamJobsTest {

    @Test
    void theJobGraphBuildsWithAStableUidOnEveryOperator() {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamJobs.define(env, StreamJobsConfig.of("127.0.0.1:9", "gp.events", WarehouseConfig.embedded(Path.of("/tmp/unused"))));
        var graph = env.getStreamGraph();
        var uids = new java.util.ArrayList<String>();
        graph.getStreamNodes().forEach(node -> uids.add(node.getTransformationUID()));
        assertThat(uids).contains("source-gp-events", "decode-events", "first-seen-only", "sink-events",
                "sink-dead-letters", "sla-clocks", "sink-alerts", "sink-alerts-topic");
    }
}
