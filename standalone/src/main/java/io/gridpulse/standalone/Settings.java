package io.gridpulse.standalone;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Accounts;
import io.gridpulse.cockpit.security.CockpitUsers;
import io.gridpulse.cockpit.security.SingleSignOn;
import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.geo.registry.Registry;
import io.gridpulse.geo.registry.RegistryLoader;
import io.gridpulse.ingest.IngestConfig;
import io.gridpulse.ingest.auth.ApiKeys;
import io.gridpulse.ingest.mqtt.MqttConfig;
import io.gridpulse.ingest.notify.SmtpServer;
import io.gridpulse.simulator.events.Mix;
import io.gridpulse.streams.StateStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an operator sets with {@code GP_*} variables beyond {@link StandaloneConfig} (ports, folders, the simulator's
 * rate): keys, users, limits, TLS, the calendar folder, the state store. Read once at start, each value parsed and
 * checked here, and every problem reported together, naming its variable: a county's operator fixes a wrong setting
 * in one go instead of one restart per typo. The components get typed values, never the environment.
 *
 * @param calendarDir      the operators' working-day calendar files (GP_CALENDAR_DIR); null for {@code <data>/calendars}
 * @param streamJobs       whether the Flink job runs here (GP_STREAM_JOBS=off: the edge alone, the job elsewhere)
 * @param stateStore       where the job keeps its state (GP_STATE_BACKEND)
 * @param apiKeys          the API's keys (GP_API_KEYS); null for the demo's one generated key
 * @param apiKeysFile      a key file followed for changes (GP_API_KEYS_FILE), or null
 * @param pseudonymKey     the HMAC key of pseudonyms (GP_PSEUDONYM_KEY); null for the one generated in the data folder
 * @param ingestEventLoops the edge's event loops (GP_INGEST_EVENT_LOOPS)
 * @param connections      the edge's connection limits (GP_INGEST_MAX_CONNECTIONS ...)
 * @param tls              the edge's certificate and key (GP_INGEST_TLS_CERT, GP_INGEST_TLS_KEY), or null for HTTP
 * @param deviceKeys       the devices' MQTT credentials (GP_DEVICE_KEYS); null for the demo's one wristband
 * @param mqttMaxInFlight  MQTT messages waiting for the log before devices are slowed (GP_MQTT_MAX_IN_FLIGHT)
 * @param mqttLimits       a device's rate and the device edge's connection caps (GP_MQTT_DEVICE_RATE ...)
 * @param users            who may sign in to the cockpit (GP_COCKPIT_USERS); null for the five demo users
 * @param simulatorMix     the simulator's preset (GP_SIM_PRESET), or null to run at GP_SIM_EVENTS_PER_HOUR
 * @param perfectWire      whether the simulator sends without late batches and malformed lines (GP_SIM_WIRE=perfect)
 * @param jobEnvironment   the variables the stream job reads itself (its rules: GP_DEVICE_OFFLINE_MINUTES ...)
 * @param region           the region (GP_REGION_FILE, GeoJSON), checked in full; the demo region 云溪市 when unset
 * @param registry         the county's households and devices (GP_HOUSEHOLDS_FILE, GP_DEVICES_FILE, CSV), checked
 *                         against the region; null when unset (the demo's simulated city registers its own)
 * @param smtp             the mail server e-mail subscriptions go through (GP_SMTP_*); null when GP_SMTP_HOST is unset
 * @param sessionIdle      how long a cockpit session outlives its browser's last request (GP_COCKPIT_SESSION_IDLE_MINUTES)
 * @param secondFactor     who confirms a cockpit sign-in with an authenticator app's code (GP_COCKPIT_SECOND_FACTOR)
 * @param sso              the cockpit's single sign-on (GP_OIDC_*); null when GP_OIDC_ISSUER is unset
 * @param cockpitTls       the cockpit's certificate and key (GP_COCKPIT_TLS_CERT, GP_COCKPIT_TLS_KEY), or null for HTTP
 */
public record Settings(Path calendarDir, boolean streamJobs, StateStore stateStore, ApiKeys apiKeys, Path apiKeysFile,
                       String pseudonymKey, int ingestEventLoops, IngestConfig.Connections connections, IngestConfig.Tls tls,
                       ApiKeys deviceKeys, int mqttMaxInFlight, MqttConfig.Limits mqttLimits, CockpitUsers users, Mix simulatorMix, boolean perfectWire,
                       Map<String, String> jobEnvironment, RegionSource region, Registry registry, SmtpServer smtp,
                       Duration sessionIdle, Accounts.SecondFactor secondFactor, SingleSignOn.Config sso,
                       io.gridpulse.cockpit.CockpitTls cockpitTls) {

    public Settings {
        jobEnvironment = Map.copyOf(jobEnvironment);
        java.util.Objects.requireNonNull(region, "region");
    }

    /** The demo's settings: nothing set. */
    public static Settings defaults() {
        return read(Map.of());
    }

    /**
     * The settings in {@code env}.
     *
     * @throws IllegalArgumentException naming every variable whose value cannot be used, and why
     */
    public static Settings read(Map<String, String> env) {
        var reader = new Reader(env);
        var d = IngestConfig.Connections.defaults();
        var connections = reader.check("GP_INGEST_* (connection limits)", () -> new IngestConfig.Connections(
                reader.whole("GP_INGEST_MAX_CONNECTIONS", d.maxConnections()),
                reader.whole("GP_INGEST_MAX_CONNECTIONS_PER_ADDRESS", d.maxPerAddress()),
                reader.whole("GP_INGEST_PROBE_RESERVE", d.probeReserve()),
                Duration.ofSeconds(reader.whole("GP_INGEST_IDLE_TIMEOUT_SECONDS", (int) d.idleTimeout().toSeconds())),
                Duration.ofSeconds(reader.whole("GP_INGEST_HEAD_TIMEOUT_SECONDS", (int) d.headTimeout().toSeconds())),
                Duration.ofSeconds(reader.whole("GP_INGEST_BODY_TIMEOUT_SECONDS", (int) d.bodyTimeout().toSeconds())),
                reader.whole("GP_INGEST_MAX_STREAMS_PER_KEY", d.maxStreamsPerKey()),
                reader.whole("GP_INGEST_MAX_READS_PER_KEY", d.maxReadsPerKey())), d);
        var m = MqttConfig.Limits.DEFAULT;
        var mqttLimits = reader.check("GP_MQTT_* (device limits)", () -> new MqttConfig.Limits(
                reader.whole("GP_MQTT_DEVICE_RATE", (int) m.perDevice()),
                reader.whole("GP_MQTT_DEVICE_BURST", m.burstPerDevice()),
                reader.whole("GP_MQTT_MAX_CONNECTIONS", m.connections()),
                reader.whole("GP_MQTT_MAX_CONNECTIONS_PER_ADDRESS", m.perAddress())), m);
        var cert = reader.value("GP_INGEST_TLS_CERT", Path::of, null);
        var key = reader.value("GP_INGEST_TLS_KEY", Path::of, null);
        IngestConfig.Tls tls = null;
        if (cert != null && key != null) {
            tls = new IngestConfig.Tls(cert, key);
        } else if (cert != null || key != null) {
            reader.problem("GP_INGEST_TLS_CERT and GP_INGEST_TLS_KEY", "set both (PEM files) to serve HTTPS, or neither for plain HTTP");
        }
        var cockpitCert = reader.value("GP_COCKPIT_TLS_CERT", Path::of, null);
        var cockpitKey = reader.value("GP_COCKPIT_TLS_KEY", Path::of, null);
        io.gridpulse.cockpit.CockpitTls cockpitTls = null;
        if (cockpitCert != null && cockpitKey != null) {
            cockpitTls = new io.gridpulse.cockpit.CockpitTls(cockpitCert, cockpitKey);
        } else if (cockpitCert != null || cockpitKey != null) {
            reader.problem("GP_COCKPIT_TLS_CERT and GP_COCKPIT_TLS_KEY", "set both (PEM files) to serve the cockpit over HTTPS, or neither for plain HTTP");
        }
        var streamJobs = reader.value("GP_STREAM_JOBS", s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("must be on or off, got '" + s + "'");
        }, true);
        var explicitRate = env.containsKey("GP_SIM_EVENTS_PER_HOUR") && !env.containsKey("GP_SIM_PRESET");
        var region = reader.value("GP_REGION_FILE", Settings::region, RegionSource.demo());
        var households = reader.value("GP_HOUSEHOLDS_FILE", Path::of, null);
        var devices = reader.value("GP_DEVICES_FILE", Path::of, null);
        Registry registry = null;
        if (households != null) {
            registry = reader.check("GP_HOUSEHOLDS_FILE and GP_DEVICES_FILE", () -> registry(households, devices, region), null);
        } else if (devices != null) {
            reader.problem("GP_DEVICES_FILE", "needs GP_HOUSEHOLDS_FILE too: a wristband is placed by its wearer's household");
        }
        var smtp = smtp(reader);
        var settings = new Settings(
                reader.value("GP_CALENDAR_DIR", s -> Path.of(s).toAbsolutePath(), null),
                streamJobs,
                reader.value("GP_STATE_BACKEND", StateStore::named, StateStore.named(null)),
                reader.value("GP_API_KEYS", ApiKeys::parse, null),
                reader.value("GP_API_KEYS_FILE", Path::of, null),
                reader.value("GP_PSEUDONYM_KEY", s -> s, null),
                reader.whole("GP_INGEST_EVENT_LOOPS", IngestConfig.DEFAULT_EVENT_LOOPS),
                connections,
                tls,
                reader.value("GP_DEVICE_KEYS", ApiKeys::parse, null),
                reader.whole("GP_MQTT_MAX_IN_FLIGHT", MqttConfig.DEFAULT_MAX_IN_FLIGHT),
                mqttLimits,
                reader.value("GP_COCKPIT_USERS", CockpitUsers::parse, null),
                explicitRate ? null : reader.value("GP_SIM_PRESET", Mix::preset, Mix.preset("county")),
                reader.value("GP_SIM_WIRE", s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "perfect" -> true;
                    case "real", "default" -> false;
                    default -> throw new IllegalArgumentException("must be perfect or real, got '" + s + "'");
                }, false),
                env, region, registry, smtp, sessionIdle(reader),
                reader.value("GP_COCKPIT_SECOND_FACTOR", Accounts.SecondFactor::named, Accounts.SecondFactor.CITY_WIDE),
                sso(reader, env),
                cockpitTls);
        if (settings.users() != null) {
            for (var user : settings.users().users()) {
                if (region.region().area(user.scope()).isEmpty()) {
                    reader.problem("GP_COCKPIT_USERS", user.name() + "'s area " + user.scope().value() + " is not in "
                            + region + ": they would sign in to an empty cockpit");
                }
            }
        }
        reader.throwIfAny();
        return settings;
    }

    /**
     * The environment of the stream job, with the demo's offline rule when the simulator runs: its devices take turns
     * on a beat whose round can outlast a 10-minute rule and make healthy devices look offline, so the demo waits 30
     * minutes unless GP_DEVICE_OFFLINE_MINUTES says otherwise.
     */
    public Map<String, String> jobEnvironment(boolean simulatorRuns) {
        if (!simulatorRuns || jobEnvironment.containsKey("GP_DEVICE_OFFLINE_MINUTES")) {
            return jobEnvironment;
        }
        var adjusted = new HashMap<>(jobEnvironment);
        adjusted.put("GP_DEVICE_OFFLINE_MINUTES", "30");
        return Map.copyOf(adjusted);
    }

    /** The mail server, when GP_SMTP_HOST is set: port 587 with STARTTLS unless said otherwise. */
    private static SmtpServer smtp(Reader reader) {
        var host = reader.value("GP_SMTP_HOST", s -> s, null);
        var from = reader.value("GP_SMTP_FROM", s -> s, null);
        var user = reader.value("GP_SMTP_USER", s -> s, null);
        var password = reader.value("GP_SMTP_PASSWORD", s -> s, null);
        var security = reader.value("GP_SMTP_SECURITY", s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "starttls" -> SmtpServer.Security.STARTTLS;
            case "tls" -> SmtpServer.Security.TLS;
            case "none" -> SmtpServer.Security.NONE;
            default -> throw new IllegalArgumentException("must be starttls, tls or none, got '" + s + "'");
        }, SmtpServer.Security.STARTTLS);
        var port = reader.whole("GP_SMTP_PORT", security == SmtpServer.Security.TLS ? 465 : 587);
        if (host == null) {
            if (from != null || user != null) {
                reader.problem("GP_SMTP_HOST", "is needed with GP_SMTP_FROM or GP_SMTP_USER: the mail server to send through");
            }
            return null;
        }
        if (from == null || !from.contains("@")) {
            reader.problem("GP_SMTP_FROM", "the sender's address is needed with GP_SMTP_HOST, e.g. gridpulse@county.gov.cn");
            return null;
        }
        if ((user == null) != (password == null)) {
            reader.problem("GP_SMTP_USER and GP_SMTP_PASSWORD", "set both to sign in, or neither for a relay that takes mail as it is");
            return null;
        }
        return reader.check("GP_SMTP_PORT", () -> new SmtpServer(host, port, from, user, password, security), null);
    }

    private static RegionSource region(String file) {
        try {
            return RegionSource.of(Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e);
        }
    }

    private static Registry registry(Path households, Path devices, RegionSource region) {
        try {
            return RegistryLoader.load(households, devices, region.region());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + households + (devices == null ? "" : " or " + devices) + ": " + e);
        }
    }

    /** Reads variables and gathers what is wrong with them, instead of stopping at the first. */
    /** The single sign-on's provider and client (GP_OIDC_*), or null when GP_OIDC_ISSUER is unset. */
    private static SingleSignOn.Config sso(Reader reader, Map<String, String> env) {
        var issuer = reader.value("GP_OIDC_ISSUER", Settings::httpUri, null);
        if (issuer == null) {
            for (var name : List.of("GP_OIDC_CLIENT_ID", "GP_OIDC_CLIENT_SECRET", "GP_OIDC_REDIRECT_URL")) {
                if (env.containsKey(name)) {
                    reader.problem(name, "is set but GP_OIDC_ISSUER is not: set the provider's issuer URL too");
                }
            }
            return null;
        }
        var clientId = reader.value("GP_OIDC_CLIENT_ID", s -> s, null);
        var secret = reader.value("GP_OIDC_CLIENT_SECRET", s -> s, null);
        var redirect = reader.value("GP_OIDC_REDIRECT_URL", Settings::httpUri, null);
        if (clientId == null || secret == null || redirect == null) {
            reader.problem("GP_OIDC_*", "with GP_OIDC_ISSUER set GP_OIDC_CLIENT_ID, GP_OIDC_CLIENT_SECRET and GP_OIDC_REDIRECT_URL"
                    + " (the cockpit's /oidc/callback as the provider knows it)");
            return null;
        }
        return new SingleSignOn.Config(issuer, clientId, secret, redirect, env.get("GP_OIDC_NAME_CLAIM"), env.get("GP_OIDC_ROLE_CLAIM"),
                env.get("GP_OIDC_AREA_CLAIM"), env.get("GP_OIDC_DEPARTMENT_CLAIM"), env.get("GP_OIDC_LABEL"));
    }

    private static java.net.URI httpUri(String value) {
        var uri = java.net.URI.create(value.strip());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http(s) URL, got '" + value + "'");
        }
        return uri;
    }

    private static Duration sessionIdle(Reader reader) {
        var minutes = reader.whole("GP_COCKPIT_SESSION_IDLE_MINUTES", (int) CockpitContext.DEFAULT_SESSION_IDLE.toMinutes());
        if (minutes < 1 || minutes > 24 * 60) {
            reader.problem("GP_COCKPIT_SESSION_IDLE_MINUTES", "must be 1 to 1440 minutes, got " + minutes);
            return CockpitContext.DEFAULT_SESSION_IDLE;
        }
        return Duration.ofMinutes(minutes);
    }

    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        <T> T value(String name, Function<String, T> parse, T fallback) {
            var raw = env.get(name);
            if (raw == null || raw.isBlank()) {
                return fallback;
            }
            try {
                return parse.apply(raw.strip());
            } catch (RuntimeException e) {
                problem(name, e.getMessage());
                return fallback;
            }
        }

        int whole(String name, int fallback) {
            return value(name, s -> {
                try {
                    return Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number, got '" + s + "'");
                }
            }, fallback);
        }

        <T> T check(String name, java.util.function.Supplier<T> build, T fallback) {
            try {
                return build.get();
            } catch (RuntimeException e) {
                problem(name, e.getMessage());
                return fallback;
            }
        }

        void problem(String name, String why) {
            problems.add(name + ": " + why);
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("GridPulse cannot start with these settings:\n  " + String.join("\n  ", problems));
            }
        }
    }
}
