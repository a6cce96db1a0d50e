package io.gridpulse.streams.groups;

import io.gridpulse.streams.StreamJobs;
import io.gridpulse.streams.StreamJobsConfig;
import io.gridpulse.warehouse.WarehouseConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrichment in the whole job graph, built but not run: its operators are there, each with its stable uid. */
class PopulationGroupsGraphTest {

    @Test
    void theEnrichmentSitsInTheJobWithStableUids() {
        var env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamJobs.define(env, StreamJobsConfig.of("127.0.0.1:9", "gp.events", WarehouseConfig.embedded(Path.of("/tmp/unused"))));
        var uids = new ArrayList<String>();
        env.getStreamGraph().getStreamNodes().forEach(node -> uids.add(node.getTransformationUID()));
        assertThat(uids).contains("source-gp-registry-groups", "population-group-memberships", "population-group-subjects",
                "population-group-enrichment", "sink-events");
        assertThat(uids).doesNotContainNull().doesNotHaveDuplicates();
    }
}
