package io.gridpulse.standalone;

import io.gridpulse.model.testing.TestClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real {@link Main} (through {@link OnTestClock}) in a child JVM on a data folder of the test's, for the tests that kill the
 * whole process (kill -9) and start it again on the same data. Its output goes to a log beside the folder.
 */
final class ChildGridPulse {
    private ChildGridPulse() {}

    /** The running JVM's java, so the child runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** {@link Main} on the test clock: the child lives at the parent's time, however the run moved it. */
    static final class OnTestClock {
        public static void main(String[] args) throws Exception {
            var env = System.getenv();
            Main.serve(StandaloneConfig.fromEnv(env).withClock(TestClock.get()), env);
        }
    }

    /** Starts the child (simulator off, 2 s checkpoints) and waits until it says it is running. */
    static Process start(Path dataDir, int ingestPort, String name) throws IOException, InterruptedException {
        return start(dataDir, ingestPort, name, java.util.Map.of());
    }

    /** Starts the child with these variables set besides (or instead of) the usual ones. */
    static Process start(Path dataDir, int ingestPort, String name, java.util.Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        var log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        var command = new java.util.ArrayList<>(java.util.List.of(java(), "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dgridpulse.chdb.lib=" + System.getProperty("gridpulse.chdb.lib", "")));
        command.addAll(TestClock.jvmOptions());
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), OnTestClock.class.getName()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("GP_DATA_DIR", dataDir.toString());
        env.put("GP_INGEST_PORT", Integer.toString(ingestPort));
        env.put("GP_MQTT_PORT", "0");
        env.put("GP_COCKPIT_PORT", Integer.toString(SharedStack.freePort()));
        env.put("GP_CHECKPOINT_SECONDS", "2");
        env.put("GP_SIMULATOR", "off");
        env.putAll(extraEnv);
        var process = builder.start();
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (out.contains("GridPulse is running")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new AssertionError("GridPulse (" + name + ") exited while starting:\n" + out);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("GridPulse (" + name + ") did not start within 120 s:\n" + Files.readString(log));
    }
}
