package io.gridpulse.standalone;

import io.gridpulse.model.testing.TestClock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

/**
 * One running GridPulse for every test class of this module: started on first use, closed when the
 * test run ends. A test asks for it as a {@link GridPulse} parameter.
 */
final class SharedStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GridPulse.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("gridpulse", key -> new Running(), Running.class).system;
    }

    private static final class Running implements AutoCloseable {
        final GridPulse system;

        Running() {
            try {
                var dir = Files.createTempDirectory("gridpulse-e2e");
                var config = StandaloneConfig.fromEnv(Map.of(
                        "GP_DATA_DIR", dir.toString(),
                        "GP_INGEST_PORT", "0",
                        "GP_MQTT_PORT", "0",
                        "GP_COCKPIT_PORT", Integer.toString(freePort()),
                        "GP_CHECKPOINT_SECONDS", "2",
                        "GP_SIMULATOR", "off"));
                // the browser tests sign in as the whole-region demo leader; the second factor has its own tests
                system = GridPulse.start(config.withClock(TestClock.get()), Map.of("GP_COCKPIT_SECOND_FACTOR", "off"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded stack: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            system.close();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
