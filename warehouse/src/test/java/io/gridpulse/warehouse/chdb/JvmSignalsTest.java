package io.gridpulse.warehouse.chdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Regression: unless told not to, libchdb installs its own signal handlers, which take SIGSEGV away
 * from the JVM. Compiled Java code turns a null dereference into a SIGSEGV that the JVM converts
 * into a NullPointerException; with chDB's handler in the way the JVM hangs instead. The storm runs
 * in a child JVM so that a regression fails this test instead of wedging the build.
 */
class JvmSignalsTest {

    @Test
    @Timeout(90)
    void aMillionNullPointerExceptionsFromCompiledCodeDoNotHangTheJvmWhileChdbQueries(@TempDir Path dir) throws Exception {
        var log = dir.resolve("storm.log");
        var process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dgridpulse.chdb.lib=" + ChdbLibrary.locate(),
                "-cp", System.getProperty("java.class.path"),
                NullPointerStorm.class.getName(), dir.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the JVM hung while throwing NullPointerExceptions with chDB loaded; chDB's signal handlers"
                    + " must be disabled before chdb_connect. Output:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        var output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("caught 1000000 NullPointerExceptions");
    }

    /** Child JVM: compiles a field read without null checks, then feeds it nulls while another thread queries chDB. */
    public static final class NullPointerStorm {

        static final class Box {
            int value = 1;
        }

        static int read(Box box) {
            return box.value;
        }

        public static void main(String[] args) throws Exception {
            try (var clickHouse = ChdbClickHouse.open(Path.of(args[0]))) {
                var stop = new AtomicBoolean();
                var queries = new AtomicInteger();
                var failure = new AtomicReference<Throwable>();
                var querying = Thread.ofPlatform().start(() -> {
                    try {
                        while (!stop.get()) {
                            clickHouse.query("SELECT sum(number) AS s FROM numbers(100000)");
                            queries.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });

                // never null while warming, so the JIT compiles read() with an implicit (SIGSEGV) null check
                var box = new Box();
                long sum = 0;
                for (int i = 0; i < 500_000; i++) {
                    sum += read(box);
                }
                int caught = 0;
                for (int i = 0; i < 1_000_000; i++) {
                    try {
                        sum += read(null);
                    } catch (NullPointerException expected) {
                        caught++;
                    }
                }
                stop.set(true);
                querying.join();
                if (failure.get() != null) {
                    throw new AssertionError("querying failed", failure.get());
                }
                System.out.println("caught " + caught + " NullPointerExceptions, " + queries.get() + " queries, sum " + sum);
            }
        }
    }
}
