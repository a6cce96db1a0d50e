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
}
