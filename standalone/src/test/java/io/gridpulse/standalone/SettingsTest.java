package io.gridpulse.standalone;

import io.gridpulse.ingest.IngestConfig;
import io.gridpulse.simulator.events.Mix;
import io.gridpulse.streams.StateStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's GP_* variables, read once and checked together (no stack needed). */
class SettingsTest {

    @Test
    void aCockpitSessionLastsHalfAnHourAfterItsBrowserWentQuietUnlessConfigured() {
        assertThat(Settings.defaults().sessionIdle()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(Settings.read(Map.of("GP_COCKPIT_SESSION_IDLE_MINUTES", "480")).sessionIdle()).isEqualTo(java.time.Duration.ofHours(8));
        assertThatThrownBy(() -> Settings.read(Map.of("GP_COCKPIT_SESSION_IDLE_MINUTES", "0")))
                .hasMessageContaining("GP_COCKPIT_SESSION_IDLE_MINUTES: must be 1 to 1440 minutes, got 0");
    }

    @Test
    void singleSignOnNeedsItsProviderClientAndRedirectOrNothingOfIt() {
        assertThat(Settings.defaults().sso()).isNull();
        var sso = Settings.read(Map.of("GP_OIDC_ISSUER", "https://sso.example.gov.cn/realms/county",
                "GP_OIDC_CLIENT_ID", "gridpulse", "GP_OIDC_CLIENT_SECRET", "s3cret",
                "GP_OIDC_REDIRECT_URL", "https://cockpit.example.gov.cn/oidc/callback", "GP_OIDC_AREA_CLAIM", "division")).sso();
        assertThat(sso.issuer()).hasToString("https://sso.example.gov.cn/realms/county");
        assertThat(sso.areaClaim()).isEqualTo("division");
        assertThat(sso.roleClaim()).isEqualTo("gridpulse_role");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_OIDC_ISSUER", "https://sso.example.gov.cn/realms/county")))
                .hasMessageContaining("GP_OIDC_*: with GP_OIDC_ISSUER set GP_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_OIDC_CLIENT_ID", "gridpulse")))
                .hasMessageContaining("GP_OIDC_CLIENT_ID: is set but GP_OIDC_ISSUER is not");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_OIDC_ISSUER", "sso.example.gov.cn")))
                .hasMessageContaining("GP_OIDC_ISSUER: must be an http(s) URL");
    }

    @Test
    void wholeRegionUsersConfirmTheirSignInWithASecondFactorUnlessConfigured() {
        assertThat(Settings.defaults().secondFactor()).isEqualTo(io.gridpulse.cockpit.security.Accounts.SecondFactor.CITY_WIDE);
        assertThat(Settings.read(Map.of("GP_COCKPIT_SECOND_FACTOR", "all")).secondFactor())
                .isEqualTo(io.gridpulse.cockpit.security.Accounts.SecondFactor.ALL);
        assertThatThrownBy(() -> Settings.read(Map.of("GP_COCKPIT_SECOND_FACTOR", "sometimes")))
                .hasMessageContaining("GP_COCKPIT_SECOND_FACTOR: must be city-wide, all or off, got 'sometimes'");
    }

    @Test
    void nothingSetIsTheDemo() {
        var settings = Settings.defaults();
        assertThat(settings.streamJobs()).isTrue();
        assertThat(settings.stateStore()).isEqualTo(StateStore.named(null));
        assertThat(settings.apiKeys()).as("the demo's generated key").isNull();
        assertThat(settings.users()).as("the five demo users").isNull();
        assertThat(settings.deviceKeys()).isNull();
        assertThat(settings.tls()).isNull();
        assertThat(settings.connections()).isEqualTo(IngestConfig.Connections.defaults());
        assertThat(settings.ingestEventLoops()).isEqualTo(IngestConfig.DEFAULT_EVENT_LOOPS);
        assertThat(settings.simulatorMix()).isEqualTo(Mix.preset("county"));
        assertThat(settings.perfectWire()).isFalse();
    }

    @Test
    void everyVariableIsReadIntoItsTypedSetting() {
        var settings = Settings.read(Map.ofEntries(
                Map.entry("GP_STREAM_JOBS", "OFF"),
                Map.entry("GP_STATE_BACKEND", "heap"),
                Map.entry("GP_CALENDAR_DIR", "/etc/gridpulse/calendars"),
                Map.entry("GP_API_KEYS_FILE", "/etc/gridpulse/keys.json"),
                Map.entry("GP_INGEST_EVENT_LOOPS", "4"),
                Map.entry("GP_INGEST_MAX_CONNECTIONS", "500"),
                Map.entry("GP_INGEST_IDLE_TIMEOUT_SECONDS", "90"),
                Map.entry("GP_INGEST_TLS_CERT", "/tls/cert.pem"),
                Map.entry("GP_INGEST_TLS_KEY", "/tls/key.pem"),
                Map.entry("GP_MQTT_MAX_IN_FLIGHT", "64"),
                Map.entry("GP_MQTT_DEVICE_RATE", "2"),
                Map.entry("GP_MQTT_MAX_CONNECTIONS_PER_ADDRESS", "50"),
                Map.entry("GP_SIM_PRESET", "province"),
                Map.entry("GP_SIM_WIRE", "perfect"),
                Map.entry("GP_DEVICE_OFFLINE_MINUTES", "15")));
        assertThat(settings.streamJobs()).isFalse();
        assertThat(settings.stateStore()).isEqualTo(StateStore.HEAP);
        assertThat(settings.calendarDir()).isEqualTo(Path.of("/etc/gridpulse/calendars"));
        assertThat(settings.apiKeysFile()).isEqualTo(Path.of("/etc/gridpulse/keys.json"));
        assertThat(settings.ingestEventLoops()).isEqualTo(4);
        assertThat(settings.connections().maxConnections()).isEqualTo(500);
        assertThat(settings.connections().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.connections().maxPerAddress()).isEqualTo(IngestConfig.Connections.defaults().maxPerAddress());
        assertThat(settings.tls()).isEqualTo(new IngestConfig.Tls(Path.of("/tls/cert.pem"), Path.of("/tls/key.pem")));
        assertThat(settings.mqttMaxInFlight()).isEqualTo(64);
        assertThat(settings.mqttLimits()).isEqualTo(new io.gridpulse.ingest.mqtt.MqttConfig.Limits(2,
                io.gridpulse.ingest.mqtt.MqttConfig.Limits.DEFAULT.burstPerDevice(), io.gridpulse.ingest.mqtt.MqttConfig.Limits.DEFAULT.connections(), 50));
        assertThat(settings.simulatorMix()).isEqualTo(Mix.preset("province"));
        assertThat(settings.perfectWire()).isTrue();
        assertThat(settings.jobEnvironment(true)).as("the operator's offline rule wins").containsEntry("GP_DEVICE_OFFLINE_MINUTES", "15");
    }

    @Test
    void everyWrongValueIsNamedInOneMessage() {
        assertThatThrownBy(() -> Settings.read(Map.of(
                "GP_STREAM_JOBS", "maybe",
                "GP_STATE_BACKEND", "cassandra",
                "GP_INGEST_EVENT_LOOPS", "two",
                "GP_INGEST_TLS_CERT", "/tls/cert.pem",
                "GP_SIM_PRESET", "planet",
                "GP_INGEST_MAX_CONNECTIONS", "10",
                "GP_INGEST_PROBE_RESERVE", "10",
                "GP_MQTT_MAX_CONNECTIONS", "0",
                "GP_COCKPIT_TLS_KEY", "/tls/key.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GP_STREAM_JOBS: must be on or off, got 'maybe'")
                .hasMessageContaining("GP_STATE_BACKEND")
                .hasMessageContaining("GP_INGEST_EVENT_LOOPS: must be a whole number, got 'two'")
                .hasMessageContaining("GP_INGEST_TLS_CERT and GP_INGEST_TLS_KEY: set both")
                .hasMessageContaining("GP_SIM_PRESET: unknown preset")
                .hasMessageContaining("GP_INGEST_* (connection limits): ")
                .hasMessageContaining("GP_MQTT_* (device limits): the MQTT limits must be positive")
                .hasMessageContaining("GP_COCKPIT_TLS_CERT and GP_COCKPIT_TLS_KEY: set both");
    }

    @Test
    void theDemoWaitsHalfAnHourBeforeCallingASimulatedDeviceOffline() {
        assertThat(Settings.defaults().jobEnvironment(true)).containsEntry("GP_DEVICE_OFFLINE_MINUTES", "30");
        assertThat(Settings.defaults().jobEnvironment(false)).doesNotContainKey("GP_DEVICE_OFFLINE_MINUTES");
    }

    @Test
    void aRateWithoutAPresetRunsAtThatRate() {
        assertThat(Settings.read(Map.of("GP_SIM_EVENTS_PER_HOUR", "7200")).simulatorMix()).isNull();
        assertThat(Settings.read(Map.of("GP_SIM_EVENTS_PER_HOUR", "7200", "GP_SIM_PRESET", "demo")).simulatorMix())
                .isEqualTo(Mix.preset("demo"));
    }

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void aCountysOwnRegionAndRegistryAreReadAndChecked() {
        var settings = Settings.read(Map.of(
                "GP_REGION_FILE", EXAMPLES.resolve("county-region.geojson").toString(),
                "GP_HOUSEHOLDS_FILE", EXAMPLES.resolve("county-households.csv").toString(),
                "GP_DEVICES_FILE", EXAMPLES.resolve("county-devices.csv").toString()));
        assertThat(settings.region().region().roots()).singleElement()
                .satisfies(root -> assertThat(root.code().value()).isEqualTo("439902"));
        assertThat(settings.registry().households()).hasSize(5);
        assertThat(Settings.defaults().region().isDemo()).isTrue();
        assertThat(Settings.defaults().registry()).isNull();
    }

    @Test
    void aRegionOrRegistryThatCannotBeUsedIsNamedWithItsProblems(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var households = dir.resolve("households.csv");
        java.nio.file.Files.writeString(households, "household_id,grid_code,residents\nhh-1,439901001001001,2\n");
        assertThatThrownBy(() -> Settings.read(Map.of(
                "GP_REGION_FILE", EXAMPLES.resolve("county-region.geojson").toString(),
                "GP_HOUSEHOLDS_FILE", households.toString(),
                "GP_COCKPIT_USERS", io.gridpulse.cockpit.security.CockpitUsers.entry(new io.gridpulse.cockpit.security.CockpitUser(
                        "li", io.gridpulse.cockpit.security.Role.LEADER, io.gridpulse.model.area.AreaCode.of("439901"), null), "pw"))))
                .hasMessageContaining("GP_HOUSEHOLDS_FILE and GP_DEVICES_FILE: ")
                .hasMessageContaining("households.csv")
                .hasMessageContaining("439901001001001")
                .hasMessageContaining("GP_COCKPIT_USERS: li's area 439901 is not in county-region.geojson");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_REGION_FILE", dir.resolve("missing.geojson").toString())))
                .hasMessageContaining("GP_REGION_FILE: cannot read");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_DEVICES_FILE", "devices.csv")))
                .hasMessageContaining("GP_DEVICES_FILE: needs GP_HOUSEHOLDS_FILE too");
    }

    @Test
    void aMailServerIsReadWithItsDefaultsAndEveryMissingPieceNamed() {
        var smtp = Settings.read(Map.of("GP_SMTP_HOST", "mail.county.gov.cn", "GP_SMTP_FROM", "gridpulse@county.gov.cn",
                "GP_SMTP_USER", "gridpulse", "GP_SMTP_PASSWORD", "pw")).smtp();
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.security()).isEqualTo(io.gridpulse.ingest.notify.SmtpServer.Security.STARTTLS);
        assertThat(Settings.read(Map.of("GP_SMTP_HOST", "relay", "GP_SMTP_FROM", "gp@county.gov.cn", "GP_SMTP_SECURITY", "tls"))
                .smtp().port()).isEqualTo(465);
        assertThat(Settings.defaults().smtp()).isNull();
        assertThatThrownBy(() -> Settings.read(Map.of("GP_SMTP_HOST", "relay", "GP_SMTP_USER", "gp", "GP_SMTP_SECURITY", "ssl")))
                .hasMessageContaining("GP_SMTP_FROM: the sender's address is needed")
                .hasMessageContaining("GP_SMTP_SECURITY: must be starttls, tls or none");
        assertThatThrownBy(() -> Settings.read(Map.of("GP_SMTP_FROM", "gp@county.gov.cn")))
                .hasMessageContaining("GP_SMTP_HOST: is needed");
    }
}
