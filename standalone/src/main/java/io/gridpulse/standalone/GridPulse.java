package io.gridpulse.standalone;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.CockpitServer;
import io.gridpulse.cockpit.security.CockpitUsers;
import io.gridpulse.cockpit.security.SingleSignOn;
import io.gridpulse.ingest.IngestConfig;
import io.gridpulse.ingest.IngestServer;
import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.http.ConnectionGate;
import io.gridpulse.ingest.log.KafkaEventLog;
import io.gridpulse.ingest.mqtt.MqttConfig;
import io.gridpulse.ingest.mqtt.MqttDeviceServer;
import io.gridpulse.ingest.notify.AlertDispatcher;
import io.gridpulse.ingest.notify.SubscriptionSecrets;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.gridpulse.model.sla.CalendarDirectory;
import io.gridpulse.simulator.Simulator;
import io.gridpulse.simulator.city.CityModel;
import io.gridpulse.simulator.city.CityRegistry;
import io.gridpulse.simulator.load.LiveFeed;
import io.gridpulse.simulator.wire.WireOptions;
import io.gridpulse.standalone.kafka.EmbeddedKafka;
import io.gridpulse.standalone.registry.CountyRegistry;
import io.gridpulse.standalone.registry.RegistryTopic;
import io.gridpulse.streams.StreamJobs;
import io.gridpulse.streams.StreamJobsConfig;
import io.gridpulse.warehouse.Warehouse;
import io.gridpulse.warehouse.WarehouseConfig;
import io.gridpulse.warehouse.notify.DeliveryLog;
import io.gridpulse.warehouse.notify.SubscriptionStore;
import io.gridpulse.warehouse.registry.HouseholdRegistry;
import io.gridpulse.warehouse.registry.HouseholdRow;
import io.vertx.core.Vertx;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system in one JVM: Kafka, the warehouse (chDB), the Flink jobs in a MiniCluster, the
 * ingest edge and the cockpit, started in that order and stopped in reverse.
 */
public final class GridPulse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridPulse.class);

    private final Deque<AutoCloseable> stopInReverse = new ArrayDeque<>();
    private String ingestUrl;
    private String cockpitUrl;
    private String apiKey;
    private String demoUser;
    private String demoPassword;
    private Warehouse warehouse;
    private String kafkaBootstrap;
    private String mqttUrl;
    private String demoDeviceKey;
    /** The demo's one device credential: a wristband that may publish its own telemetry. */
    public static final String DEMO_DEVICE = "wb-demo";

    private GridPulse() {}

    /** Starts the system with the settings in {@code env} (the operator's GP_* variables), all checked first. */
    public static GridPulse start(StandaloneConfig config, Map<String, String> env) throws Exception {
        return start(config, Settings.read(env));
    }

    public static GridPulse start(StandaloneConfig config, Settings settings) throws Exception {
        var system = new GridPulse();
        try {
            system.startAll(config, settings);
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    /**
     * Creates the data folder readable by its owner only, and narrows one made before: it holds Kafka's log of every
     * event, the warehouse, the job's checkpoints and the secrets, which the default umask would leave readable to
     * every account of the machine. Nothing inside can be reached through a folder others cannot enter.
     */
    static void ownerOnly(Path dataDir) throws java.io.IOException {
        Files.createDirectories(dataDir);
        if (!Files.getFileStore(dataDir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        var ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        var before = Files.getPosixFilePermissions(dataDir);
        if (!before.equals(ownerOnly)) {
            Files.setPosixFilePermissions(dataDir, ownerOnly);
            log.info("data folder {} narrowed to its owner (was {})", dataDir,
                    java.nio.file.attribute.PosixFilePermissions.toString(before));
        }
    }

    private void startAll(StandaloneConfig config, Settings settings) throws Exception {
        var started = System.nanoTime();
        ownerOnly(config.dataDir());
        stopInReverse.push(lock(config));
        var secrets = new Secrets(config.dataDir());
        // one region for every part: the edge's checks, MQTT, the job's placement, the cockpit, the simulator
        var region = settings.region().region();
        log.info("region: {}, {} areas", settings.region(), region.areas().size());

        var kafka = EmbeddedKafka.start(config.dataDir(), config.kafkaPort(), config.clock());
        stopInReverse.push(kafka);
        kafkaBootstrap = kafka.bootstrapServers();
        // gp.alerts has one partition: its offsets are the total order watchers resume from
        // gp.registry is compacted: the newest entry of every household, read by the visit obligation clocks
        RegistryTopic.create(kafkaBootstrap, StreamJobsConfig.DEFAULT_REGISTRY_TOPIC);
        kafka.createTopics(Map.of(IngestConfig.DEFAULT_EVENTS_TOPIC, 3, StreamJobsConfig.DEFAULT_ALERTS_TOPIC, 1,
                StreamJobsConfig.DEFAULT_REGISTRY_TOPIC, 1));

        var warehouseConfig = WarehouseConfig.embedded(config.dataDir().resolve("warehouse"));
        warehouse = Warehouse.open(warehouseConfig);
        stopInReverse.push(warehouse);

        // the operators' working-day calendar files (a year's State Council notice), read again whenever one changes
        var calendarDir = settings.calendarDir() != null ? settings.calendarDir()
                : config.dataDir().resolve("calendars").toAbsolutePath();
        Files.createDirectories(calendarDir);
        var jobConfig = StreamJobsConfig.of(kafka.bootstrapServers(), IngestConfig.DEFAULT_EVENTS_TOPIC, warehouseConfig)
                .withCalendarDir(calendarDir.toString())
                .withRegion(settings.region())
                .withCheckpointInterval(config.checkpoint())
                .withZone(config.zone().getId())
                .withClock(config.clock())
                .withEnvironment(settings.jobEnvironment(config.simulation().enabled()));
        if (!settings.streamJobs()) {
            // the edge alone: for measuring it, or when the job runs on a Flink cluster of its own
            log.warn("GP_STREAM_JOBS=off: no Flink job runs here; events stay on Kafka until one reads them");
        } else {
            var job = StreamJobs.startEmbedded(jobConfig, config.dataDir().resolve("flink"), settings.stateStore());
            stopInReverse.push(() -> stopJob(job));
        }

        apiKey = secrets.demoApiKey();
        var apiKeys = settings.apiKeys() != null ? settings.apiKeys() : ApiKeys.of(Map.of("demo", apiKey));
        var pseudonymKey = secrets.pseudonymKey(settings.pseudonymKey());
        var eventLog = new KafkaEventLog(kafka.bootstrapServers(), IngestConfig.DEFAULT_EVENTS_TOPIC, 20_000, Map.of());
        stopInReverse.push(eventLog);
        // connections are counted and timed from the moment they are accepted (see ConnectionGate)
        var gate = new ConnectionGate();
        var vertx = Vertx.builder().withTransport(gate.transport()).build();
        stopInReverse.push(() -> vertx.close().await(10, TimeUnit.SECONDS));
        var ingest = new IngestServer(new IngestConfig(config.host(), config.ingestPort(), kafka.bootstrapServers(),
                IngestConfig.DEFAULT_EVENTS_TOPIC, apiKeys, pseudonymKey, 256 * 1024, 20_000)
                .withConnections(settings.connections())
                .withEventLoops(settings.ingestEventLoops())
                .withZone(config.zone())
                .withClock(config.clock())
                .withCalendarDir(calendarDir)
                .withRegion(region)
                // terminals, devices and integrations with their rights, areas, kinds and rates; followed for revocations
                .withApiKeysFile(settings.apiKeysFile())
                .withTls(settings.tls()),
                eventLog, warehouse, gate);
        // one writer of the audit chain for the whole installation: the cockpit and the keys API append to it
        var audit = io.gridpulse.warehouse.audit.AuditLog.of(warehouse, config.clock(),
                io.gridpulse.warehouse.audit.AuditKey.derive(pseudonymKey, secrets.auditHeads()));
        ingest.auditedBy(audit);
        vertx.deployVerticle(ingest).await(30, TimeUnit.SECONDS);
        ingestUrl = (settings.tls() == null ? "http://" : "https://") + config.host() + ":" + ingest.port();

        // subscribers get their alerts off-screen (webhooks), each once, whichever of several dispatchers runs
        var dispatcher = new AlertDispatcher(kafka.bootstrapServers(), StreamJobsConfig.DEFAULT_ALERTS_TOPIC,
                new SubscriptionStore(warehouse, SubscriptionSecrets.box(pseudonymKey)), new DeliveryLog(warehouse),
                region, config.zone(), config.clock(), AlertDispatcher.DEFAULT_BACKOFF, AlertDispatcher.DEFAULT_WEBHOOK_INTERVAL,
                AlertDispatcher.DEFAULT_ROBOT_INTERVAL, AlertDispatcher.DEFAULT_REPEAT, settings.smtp()).start();
        if (settings.smtp() != null) {
            log.info("e-mail subscriptions go through {}", settings.smtp());
        }
        stopInReverse.push(dispatcher);

        // devices (wristbands, kiosks, plaques) publish over MQTT; QoS 1 is acknowledged once Kafka has the message
        // the configured devices, and those an administrator registers on the keys page (followed every 2 s)
        var deviceKeys = new io.gridpulse.ingest.auth.KeyRing(settings.deviceKeys() != null ? settings.deviceKeys()
                : ApiKeys.of(Map.of(DEMO_DEVICE, secrets.demoDeviceKey())), null,
                new io.gridpulse.warehouse.keys.ApiKeyStore(warehouse));
        var mqtt = new MqttDeviceServer(new MqttConfig(config.host(),
                config.mqttPort(), deviceKeys,
                settings.mqttMaxInFlight(), MqttConfig.DEFAULT_MAX_MESSAGE_BYTES, settings.mqttLimits()), eventLog, pseudonymKey,
                ingest.metrics(), region, config.clock());
        vertx.deployVerticle(mqtt).await(30, TimeUnit.SECONDS);
        mqttUrl = "mqtt://" + config.host() + ":" + mqtt.port();
        demoDeviceKey = settings.deviceKeys() != null ? null : secrets.demoDeviceKey();

        // the accounts start with GP_COCKPIT_USERS (a county's first administrator) or five demo users, one per role
        // (leader, head, watcher, analyst, admin), sharing one generated password; the users page manages them after
        demoUser = "leader";
        demoPassword = secrets.demoPassword();
        var users = settings.users() != null ? settings.users() : CockpitUsers.demo(demoPassword, region);
        var cockpit = CockpitServer.start(CockpitContext.of(warehouse, users, region, config.zone(), config.clock(),
                        CalendarDirectory.of(calendarDir, log::info), new CockpitContext.Security(SubscriptionSecrets.box(pseudonymKey),
                        CockpitContext.Security.accountBox(pseudonymKey), settings.sessionIdle(), settings.secondFactor(),
                        settings.sso() == null ? SingleSignOn.off() : SingleSignOn.of(settings.sso()),
                        io.gridpulse.warehouse.audit.AuditKey.derive(pseudonymKey, secrets.auditHeads())), audit),
                config.host(), config.cockpitPort(), settings.cockpitTls());
        stopInReverse.push(cockpit);
        cockpitUrl = (settings.cockpitTls() == null ? "http" : "https") + "://" + config.host() + ":" + config.cockpitPort() + "/";

        var simulation = config.simulation();
        if (!simulation.enabled() && settings.registry() != null) {
            var county = settings.registry();
            loadRegistryInBackground("GP_HOUSEHOLDS_FILE", config, today -> CountyRegistry.rows(county),
                    asOf -> CountyRegistry.entries(county, asOf));
        }
        if (simulation.enabled()) {
            // the simulator plays the configured region: the county's own households and devices when registered
            var city = settings.registry() != null ? CityModel.of(simulation.seed(), region, settings.registry())
                    : CityModel.generated(simulation.seed(), region);
            var simulator = Simulator.of(simulation.seed(), city);
            // the county preset by default: only at its rate do 5,000 wristbands report every 5 minutes, as real
            // ones do; at a thinner rate most of them would look offline and flood the alerts
            simulator = settings.simulatorMix() == null ? simulator.withEventsPerSimulatedHour(simulation.eventsPerHour())
                    : simulator.withMix(settings.simulatorMix());
            if (settings.perfectWire()) {
                simulator = simulator.withWire(WireOptions.perfect());
            }
            var cityRegistry = new CityRegistry(city, new Pseudonymiser(pseudonymKey));
            loadRegistryInBackground("the simulated city", config, today -> city.households()
                    .map(h -> new HouseholdRow(h.id(), h.grid().code(), h.residents().size(),
                            (int) h.residents().stream().filter(r -> r.birthDate().plusYears(60).isBefore(today.plusDays(1))).count(),
                            h.groups().stream().map(g -> g.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList())).toList(),
                    cityRegistry::entries);
            var feed = new LiveFeed(simulator, ingestUrl, apiKey, simulation.backfill(), config.clock()).start();
            stopInReverse.push(feed);
        }
        log.info("GridPulse started in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Households become the registry the visit indicators count against (the households table) and what the stream
     * jobs read from the gp.registry topic: the visit obligation clocks, and the population groups of events, matched
     * by the household's residents (pseudonymised with the edge's key, so they meet the pseudonyms of the demands) and
     * wristbands. Every entry is stamped with the load time: a household's first weekly or monthly clock is the period
     * after it. In the background: it is a few hundred thousand rows, and nothing else waits for them.
     */
    private void loadRegistryInBackground(String from, StandaloneConfig config,
                                          java.util.function.Function<java.time.LocalDate, java.util.List<HouseholdRow>> rows,
                                          java.util.function.Function<java.time.Instant, java.util.stream.Stream<io.gridpulse.model.registry.HouseholdRegistration>> entries) {
        var registry = new HouseholdRegistry(warehouse);
        Thread.ofPlatform().name("registry-load").daemon().start(() -> {
            try {
                long t0 = System.nanoTime();
                var table = rows.apply(java.time.LocalDate.now(config.clock().withZone(config.zone())));
                var loadedAt = config.clock().instant();
                var published = RegistryTopic.publish(kafkaBootstrap, StreamJobsConfig.DEFAULT_REGISTRY_TOPIC,
                        entries.apply(loadedAt).toList());
                registry.replace(table, loadedAt.toEpochMilli());
                log.info("household registry: {} households of {} loaded in {} ms ({} published on {})",
                        table.size(), from, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), published,
                        StreamJobsConfig.DEFAULT_REGISTRY_TOPIC);
            } catch (RuntimeException e) {
                log.warn("household registry not loaded, the visit indicators stay unmeasured: {}", e.toString());
            }
        });
    }

    private static AutoCloseable lock(StandaloneConfig config) throws IOException {
        var channel = FileChannel.open(config.dataDir().resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another GridPulse is running on " + config.dataDir()
                    + "; stop it first or set GP_DATA_DIR to another folder");
        }
        return () -> {
            lock.release();
            channel.close();
        };
    }

    private static void stopJob(JobClient job) throws Exception {
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("the stream job did not cancel cleanly: {}", e.getMessage());
        }
        try {
            // wait for the job to be gone before Kafka goes, or its threads keep the JVM alive
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (Exception expectedAfterCancel) {
            log.debug("stream job ended: {}", expectedAfterCancel.toString());
        }
    }

    /** Where devices connect, e.g. mqtt://127.0.0.1:1883. */
    public String mqttUrl() {
        return mqttUrl;
    }

    /** The demo device's key (its MQTT password), or null when GP_DEVICE_KEYS configures the devices. */
    public String demoDeviceKey() {
        return demoDeviceKey;
    }

    public String ingestUrl() {
        return ingestUrl;
    }

    public String cockpitUrl() {
        return cockpitUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public String demoUser() {
        return demoUser;
    }

    public String demoPassword() {
        return demoPassword;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    @Override
    public synchronized void close() {
        while (!stopInReverse.isEmpty()) {
            var part = stopInReverse.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
