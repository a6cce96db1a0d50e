package io.gridpulse.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the whole system right after it acknowledged events, then a restart on the same data:
 * every acknowledged event must be in the warehouse, once. The system runs in a child JVM, started
 * exactly as {@code ./gridpulse demo} starts it, so that the kill takes everything down at once.
 */
class CrashRecoveryTest {
    private static final Pattern DISTINCT = Pattern.compile("\"distinctEvents\":(\\d+)");
    private static final Pattern ROWS = Pattern.compile("\"rows\":(\\d+)");

    @TempDir
    Path dataDir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillDashNine() throws Exception {
        int ingestPort = SharedStack.freePort();
        var first = startChild(ingestPort, "first");
        var api = new Api("http://127.0.0.1:" + ingestPort, Files.readString(dataDir.resolve("secrets/demo-api-key")).trim());

        var acknowledged = 0;
        for (int i = 0; i < 300; i++) {
            var answer = api.post("/api/v1/events", Api.demand(Api.newEventId(), "439901003001" + "%03d".formatted(1 + i % 9)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            acknowledged++;
        }
        first.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook runs, nothing is flushed

        startChild(ingestPort, "second");
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long distinct = -1;
        long rows = -1;
        while (System.nanoTime() < deadline) {
            var counts = api.get("/api/v1/event-counts");
            if (counts.statusCode() == 200) {
                distinct = number(DISTINCT, counts.body());
                rows = number(ROWS, counts.body());
                if (distinct >= acknowledged) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        assertThat(distinct).as("distinct events after the restart").isEqualTo(acknowledged);
        assertThat(rows).as("rows a user would see").isEqualTo(acknowledged);
    }

    private Process startChild(int ingestPort, String name) throws IOException, InterruptedException {
        var process = ChildGridPulse.start(dataDir, ingestPort, name);
        children.add(process);
        return process;
    }

    private static long number(Pattern pattern, String body) {
        var m = pattern.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
