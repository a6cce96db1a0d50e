package io.gridpulse.model.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's tests build their scenarios from {@link TestClock}, never from the wall clock, so that
 * {@code ./gridpulse test --at MOMENT} moves them all and no test holds only on the day it was written. A line
 * that must read the wall clock (a file's modification time, which the file system stamps) says why in a
 * {@code // wall clock: ...} comment.
 */
class TestsReadTheTestClockTest {
    static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|YearMonth|Year)\\.now\\("
                    + "|\\bClock\\.system(UTC|DefaultZone)\\(|\\bSystem\\.currentTimeMillis\\(|\\bnew (java\\.util\\.)?Date\\(\\)");
    static final String OPT_OUT = "// wall clock:";

    @Test
    void noTestSourceReadsTheWallClock() throws IOException {
        var root = Path.of("").toAbsolutePath().getParent();
        var offenders = new ArrayList<String>();
        try (var modules = Files.list(root)) {
            for (var tests : modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("TestClock.java")
                                    && !f.getFileName().toString().equals(getClass().getSimpleName() + ".java"))
                            .forEach(f -> offenders.addAll(wallClockLines(root, f)));
                }
            }
        }
        assertThat(offenders).as("tests reading the wall clock: use TestClock, or say why with " + OPT_OUT).isEmpty();
    }

    @Test
    void theScanFindsEachWayOfReadingTheWallClock() {
        for (var line : List.of("var t = Instant.now();", "LocalDate.now(zone)", "OffsetDateTime.now(ZoneOffset.ofHours(8))",
                "Clock.systemUTC()", "long ms = System.currentTimeMillis();", "new Date()", "java.time.ZonedDateTime.now()")) {
            assertThat(WALL_CLOCK.matcher(line).find()).as(line).isTrue();
        }
        for (var line : List.of("TestClock.now()", "clock.instant()", "System.nanoTime()", "Instant.parse(\"2026-12-07T00:00:00Z\")")) {
            assertThat(WALL_CLOCK.matcher(line).find()).as(line).isFalse();
        }
    }

    private static List<String> wallClockLines(Path root, Path file) {
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            var found = new ArrayList<String>();
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                if (WALL_CLOCK.matcher(line).find() && !line.contains(OPT_OUT)) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
