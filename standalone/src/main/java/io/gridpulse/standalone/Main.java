package io.gridpulse.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ./gridpulse demo}: starts the embedded default and says where to find it. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var config = StandaloneConfig.fromEnv(env);
        for (var arg : args) {
            switch (arg) {
                case "--no-simulator" -> config = config.withoutSimulator();
                default -> {
                    System.err.println("unknown option " + arg + "; the demo takes --no-simulator");
                    System.exit(2);
                }
            }
        }
        serve(config, env);
    }

    /** Starts the system, says where to find it, and serves until the JVM is stopped. */
    static void serve(StandaloneConfig config, java.util.Map<String, String> env) throws Exception {
        GridPulse system;
        try {
            system = GridPulse.start(config, env);
        } catch (Exception e) {
            log.error("GridPulse could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("gridpulse-shutdown").unstarted(() -> {
            System.out.println("GridPulse: stopping…");
            system.close();
            System.out.println("GridPulse: stopped.");
        }));
        System.out.printf("""

                ================================================================
                 GridPulse is running (data in %s)
                   Cockpit:  %s      sign in as %s / %s
                             (also head, watcher, analyst, admin: same password, narrower scopes;
                              whole-region users set up an authenticator app at their first sign-in)
                   API:      %s/api/v1/events
                   API key:  %s
                   MQTT:     %s   device %s, password %s
                   Simulator: %s
                 Ctrl-C stops it.
                ================================================================
                %n""", config.dataDir(), system.cockpitUrl(), system.demoUser(), system.demoPassword(),
                system.ingestUrl(), system.apiKey(), system.mqttUrl(), GridPulse.DEMO_DEVICE,
                system.demoDeviceKey() == null ? "(from GP_DEVICE_KEYS)" : system.demoDeviceKey(),
                config.simulation().enabled() ? "on (the city's last " + config.simulation().backfill().toHours()
                        + " h, then live; --no-simulator turns it off)" : "off");
        Thread.currentThread().join();
    }
}
