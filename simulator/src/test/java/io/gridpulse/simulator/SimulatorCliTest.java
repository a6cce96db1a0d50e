package io.gridpulse.simulator;

import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorCliTest {

    private record Run(int exit, List<String> lines, String err, long millis) {
    }

    private static Run run(String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit = SimulatorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        var text = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, text.isEmpty() ? List.of() : text.lines().toList(), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aCountOfCountyEventsComesOutAsValidNdjson() throws Exception {
        var run = run("500", "--preset", "county", "--seed", "9", "--from", "2026-11-02T00:00:00+08:00");
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(500);
        var codec = EventCodec.standard();
        assertThat(run.lines()).allSatisfy(l -> assertThat(codec.decode(l)).isInstanceOf(Decoded.Valid.class));
        assertThat(run("500", "--preset", "county", "--seed", "9", "--from", "2026-11-02T00:00:00+08:00").lines())
                .isEqualTo(run.lines());
    }

    @Test
    void aDurationStopsAtItsEndAndTheEventsPerSecondOptionSetsTheRate() throws Exception {
        var run = run("--duration", "PT1H", "--events-per-second", "5", "--from", "2026-11-02T00:00:00Z", "--stats");
        assertThat(run.exit()).isZero();
        assertThat(run.lines().size()).isBetween(5 * 3600 / 2, 5 * 3600 * 2);
        var last = ((Decoded.Valid) EventCodec.standard().decode(run.lines().getLast())).event().occurredAt();
        assertThat(last).isBefore(Instant.parse("2026-11-02T01:00:00Z"));
        assertThat(run.err()).contains("events " + run.lines().size());
    }

    @Test
    void theSpeedPacesTheOutputInWallTime() throws Exception {
        // ten simulated minutes at 600x take about a wall second
        var run = run("--duration", "PT10M", "--speed", "600", "--from", "2026-11-02T02:00:00Z");
        assertThat(run.exit()).isZero();
        assertThat(run.millis()).isBetween(800L, 5_000L);
        assertThat(run.lines()).hasSizeGreaterThan(100);
    }

    @Test
    void theWireModePrintsMalformedLinesAndLateEvents() throws Exception {
        var run = run("--wire", "--malformed-rate", "0.2", "--duration", "PT2H", "--from", "2026-11-02T02:00:00Z", "--stats");
        var codec = EventCodec.standard();
        long invalid = run.lines().stream().filter(l -> codec.decode(l) instanceof Decoded.Invalid).count();
        assertThat((double) invalid / run.lines().size()).isBetween(0.1, 0.25);
        assertThat(run.err()).contains("malformed lines " + invalid);
    }

    @Test
    void aBadRegistryFileIsNamedWithItsLineAndTheExitCodeIsOne(@TempDir Path dir) throws Exception {
        var households = Files.writeString(dir.resolve("hh.csv"), "household_id,grid_code,residents\nh-1,439901001001001,x\n");
        var run = run("--households", households.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("hh.csv line 2, column residents: \"x\" is not a whole number");
    }

    @Test
    void anUnknownOptionPrintsTheUsageAndExitsWithTwo() throws Exception {
        var run = run("--planet", "mars");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --planet").contains("--preset NAME");
    }
}
