package io.gridpulse.ingest.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTopicTest {

    @Test
    void aDevicesTelemetryAndSosTopicsNameTheDeviceAndTheChannel() {
        assertThat(DeviceTopic.parse("gp/v1/devices/wb-1/telemetry"))
                .contains(new DeviceTopic("wb-1", DeviceTopic.Channel.TELEMETRY));
        assertThat(DeviceTopic.parse("gp/v1/devices/kiosk.3:a_b/sos"))
                .contains(new DeviceTopic("kiosk.3:a_b", DeviceTopic.Channel.SOS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gp/v1/devices/", "gp/v1/devices//telemetry", "gp/v1/devices/wb-1", "gp/v1/devices/wb-1/",
            "gp/v1/devices/wb-1/commands", "gp/v1/devices/wb-1/telemetry/extra", "gp/v1/devices/a/b/telemetry",
            "gp/v1/devices/+/telemetry", "gp/v1/devices/#", "gp/v1/devices/wb 1/telemetry", "gp/v2/devices/wb-1/telemetry",
            "/gp/v1/devices/wb-1/telemetry", "GP/v1/devices/wb-1/telemetry", "gp/v1/devices/wb-1/Telemetry"})
    void anythingElseIsNotADeviceTopic(String topic) {
        assertThat(DeviceTopic.parse(topic)).isEmpty();
    }

    @Test
    void aDeviceIdLongerThan64CharactersIsNotADeviceTopic() {
        assertThat(DeviceTopic.parse("gp/v1/devices/" + "d".repeat(64) + "/sos")).isPresent();
        assertThat(DeviceTopic.parse("gp/v1/devices/" + "d".repeat(65) + "/sos")).isEmpty();
    }
}
