package io.gridpulse.model.registry;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdRegistrationTest {
    static final Instant AS_OF = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void anEntryReadsBackFromItsJsonWithSortedDistinctGroups() {
        var entry = HouseholdRegistration.registered("hh-1", "439901001001001",
                List.of("left_behind_child", "elderly_alone", "elderly_alone"), AS_OF);
        var json = new String(entry.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"householdId\":\"hh-1\"").contains("\"removed\":false");
        var back = HouseholdRegistration.fromJson(entry.toJson());
        assertThat(back).isEqualTo(entry);
        assertThat(back.groups()).containsExactly("elderly_alone", "left_behind_child");
        assertThat(back.inGroup("elderly_alone")).isTrue();
    }

    @Test
    void aRemovedHouseholdNeedsNoGridAndBelongsToNoGroup() {
        var removed = HouseholdRegistration.fromJson(HouseholdRegistration.removed("hh-2", AS_OF).toJson());
        assertThat(removed.removed()).isTrue();
        assertThat(removed.inGroup("elderly_alone")).isFalse();
        assertThat(removed.gridCode()).isEmpty();
    }

    @Test
    void badEntriesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> HouseholdRegistration.registered("hh-3", "4399", List.of(), AS_OF))
                .hasMessageContaining("grid");
        assertThatThrownBy(() -> HouseholdRegistration.fromJson("{\"householdId\":\"hh\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> HouseholdRegistration.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HouseholdRegistration.fromJson(
                "{\"householdId\":\"hh\",\"asOf\":\"yesterday\",\"gridCode\":\"439901001001001\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void residentsAndDevicesTravelInTheJsonSortedAndDistinct() {
        var entry = HouseholdRegistration.registered("hh-4", "439901001001001", List.of("elderly_alone"), AS_OF,
                List.of("r_bbbbbbbbbbbbbbbbbbbbbbbbbb", "r_aaaaaaaaaaaaaaaaaaaaaaaaaa", "r_bbbbbbbbbbbbbbbbbbbbbbbbbb"),
                List.of("wb-00002", "wb-00001"));
        var json = new String(entry.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"residents\":[\"r_aaaaaaaaaaaaaaaaaaaaaaaaaa\",\"r_bbbbbbbbbbbbbbbbbbbbbbbbbb\"]")
                .contains("\"devices\":[\"wb-00001\",\"wb-00002\"]");
        var back = HouseholdRegistration.fromJson(entry.toJson());
        assertThat(back).isEqualTo(entry);
        assertThat(back.residents()).containsExactly("r_aaaaaaaaaaaaaaaaaaaaaaaaaa", "r_bbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(back.devices()).containsExactly("wb-00001", "wb-00002");
    }

    @Test
    void anEntryWrittenBeforeResidentsWereListedReadsWithNoResidentsAndNoDevices() {
        var old = "{\"householdId\":\"hh-5\",\"gridCode\":\"439901001001001\",\"groups\":[\"disabled\"],"
                + "\"removed\":false,\"asOf\":\"2026-11-23T02:00:00Z\"}";
        var entry = HouseholdRegistration.fromJson(old.getBytes(StandardCharsets.UTF_8));
        assertThat(entry.groups()).containsExactly("disabled");
        assertThat(entry.residents()).isEmpty();
        assertThat(entry.devices()).isEmpty();
        // and an entry without residents writes the first shape, byte for byte
        assertThat(new String(entry.toJson(), StandardCharsets.UTF_8)).isEqualTo(old);
    }

    @Test
    void aResidentListedByIdNumberOrPhoneIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> HouseholdRegistration.registered("hh-6", "439901001001001", List.of(), AS_OF,
                List.of("43990119500101123X"), List.of()))
                .hasMessageContaining("not a pseudonym").hasMessageNotContaining("43990119500101123X");
        assertThatThrownBy(() -> HouseholdRegistration.registered("hh-6", "439901001001001", List.of(), AS_OF,
                List.of("r_14012345678"), List.of()))
                .hasMessageContaining("not a pseudonym");
    }

    @Test
    void aRemovedHouseholdListsNobody() {
        var removed = new HouseholdRegistration("hh-7", "", List.of(), true, AS_OF, List.of("r_aaaaaaaaaaaaaaaaaaaaaaaaaa"), List.of("wb-1"));
        assertThat(removed.residents()).isEmpty();
        assertThat(removed.devices()).isEmpty();
    }
}
