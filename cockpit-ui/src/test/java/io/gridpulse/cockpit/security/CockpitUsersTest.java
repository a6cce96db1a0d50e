package io.gridpulse.cockpit.security;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CockpitUsersTest {

    @Test
    void theRightPasswordSignsInAndAWrongOneDoesNot() {
        var users = CockpitUsers.of(Map.of("leader", "correct horse"));
        assertThat(users.authenticate("leader", "correct horse")).hasValue("leader");
        assertThat(users.authenticate("leader", "correct horse ")).isEmpty();
        assertThat(users.authenticate("nobody", "correct horse")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
    }

    @Test
    void hashesAreSaltedSoTheSamePasswordHashesDifferently() {
        assertThat(CockpitUsers.hash("same")).isNotEqualTo(CockpitUsers.hash("same")).startsWith("pbkdf2$");
    }

    @Test
    void aConfiguredHashSignsIn() {
        var users = CockpitUsers.parse("watcher=" + CockpitUsers.hash("s3cret"));
        assertThat(users.authenticate("watcher", "s3cret")).hasValue("watcher");
    }

    @Test
    void aPlaintextPasswordInTheConfigurationIsRefused() {
        assertThatThrownBy(() -> CockpitUsers.parse("watcher=s3cret")).hasMessageContaining("watcher=s3cret");
    }
}
