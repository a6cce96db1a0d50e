package io.gridpulse.standalone;

import io.gridpulse.model.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Send events with curl" section, run as written with bash and curl against the running system:
 * a newcomer's first requests must work on a fresh machine (no uuidgen there, for one). Only what differs between
 * the demo and this test's system is replaced: the edge's address, where the API key is kept, and the time
 * {@code date} prints (the system runs on {@link TestClock}).
 */
@ExtendWith(SharedStack.class)
class ReadmeExamplesTest {
    static final String SECTION = "### Send events with curl";

    @TempDir
    Path dir;

    @Test
    void theCurlExamplesRunAsWrittenAndAnswerAsTheReadmeSays(GridPulse system) throws Exception {
        var blocks = bashBlocks(Files.readString(readme(), StandardCharsets.UTF_8));
        assertThat(blocks).as("the section's two bash blocks").hasSize(2);

        var keyFile = dir.resolve("demo-api-key");
        Files.writeString(keyFile, system.apiKey());
        var script = String.join("\n", blocks)
                .replace("http://127.0.0.1:8088", system.ingestUrl())
                .replace("data/secrets/demo-api-key", keyFile.toString())
                .replace("$(date -Iseconds)", "$(date -Iseconds -d @" + TestClock.now().getEpochSecond() + ")");
        var out = bash(script);

        assertThat(out).contains("\"status\":\"accepted\"").contains("\"distinctEvents\":");
        // a reader types the count request a moment later; here it comes at once, so ask again until the job has counted
        var counts = blocks.getFirst().lines().filter(l -> l.contains("/api/v1/event-counts")).findFirst().orElseThrow()
                .replace("http://127.0.0.1:8088", system.ingestUrl());
        var again = "KEY=$(cat " + keyFile + ")\n" + counts;
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        var counted = bash(again);
        while (!counted.contains("\"streetCode\":\"439901001\"") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            counted = bash(again);
        }
        assertThat(counted).contains("\"streetCode\":\"439901001\"");
        assertThat(out).contains("\"status\":400").contains("\"pointer\":\"/eventId\"").contains("\"pointer\":\"/occurredAt\"")
                .contains("\"pointer\":\"/gridCode\"").contains("\"pointer\":\"/caseId\"");
    }

    static Path readme() {
        return Path.of("").toAbsolutePath().getParent().resolve("README.md");
    }

    /** The bash code blocks of the section, in order. */
    static List<String> bashBlocks(String readme) {
        var start = readme.indexOf(SECTION);
        assertThat(start).as("the README has a section '%s'", SECTION).isNotNegative();
        var end = readme.indexOf("\n## ", start);
        var section = readme.substring(start, end < 0 ? readme.length() : end);
        var blocks = new ArrayList<String>();
        for (int at = section.indexOf("```bash\n"); at >= 0; at = section.indexOf("```bash\n", at)) {
            var from = at + "```bash\n".length();
            var to = section.indexOf("```", from);
            blocks.add(section.substring(from, to));
            at = to + 3;
        }
        return blocks;
    }

    private static String bash(String script) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the examples finish").isTrue();
        assertThat(process.exitValue()).as("bash exit status; output:\n%s", out).isZero();
        return out;
    }
}
