package io.gridpulse.cockpit.admin;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Role;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyDraft;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.warehouse.keys.ApiKeyRecord;
import io.gridpulse.warehouse.keys.ApiKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys page's service over the embedded warehouse: who manages which key, what is kept, what is audited. */
@ExtendWith(TestCockpit.Shared.class)
class KeyAdminTest {
    private static final CockpitUser CITY = new CockpitUser("keys-city-admin", Role.ADMINISTRATOR, AreaCode.of("439901"), null);
    private static final CockpitUser STREET = new CockpitUser("keys-street-admin", Role.ADMINISTRATOR, AreaCode.of("439901001"), null);

    private static KeyAdmin admin(CockpitUser user) {
        return new KeyAdmin(TestCockpit.installedContext(), user);
    }

    @Test
    void aStreetAdministratorsKeyIsForTheirStreetKeptAsADigestAndAudited() {
        var issued = admin(STREET).create(new KeyDraft("keys-kiosk-1", List.of("write"), List.of(), List.of("ticket"), 20.0, 40));
        assertThat(issued.ok()).isTrue();
        var kept = new ApiKeyStore(TestCockpit.warehouse()).find("keys-kiosk-1").orElseThrow();
        assertThat(kept.sha256()).isEqualTo(KeyMaterial.sha256Hex(issued.key())).doesNotContain(issued.key());
        assertThat(kept.grant().areas()).containsExactly(AreaCode.of("439901001"));
        assertThat(TestCockpit.installedContext().audit().latest(1)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.target()).isEqualTo("key_created key keys-kiosk-1: write areas=439901001 kinds=ticket rate=20.0/40"));
        assertThat(admin(STREET).list()).extracting(ApiKeyRecord::client).contains("keys-kiosk-1");
    }

    @Test
    void aWholeRegionKeyIsOnlyForAWholeRegionAdministrator() {
        assertThat(admin(CITY).create(new KeyDraft("keys-bridge", List.of("read"), null, null, null, null)).ok()).isTrue();
        assertThat(admin(STREET).list()).extracting(ApiKeyRecord::client).doesNotContain("keys-bridge");
        assertThatThrownBy(() -> admin(STREET).revoke("keys-bridge")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> admin(new CockpitUser("keys-watcher", Role.WATCHER, AreaCode.of("439901"), null)))
                .isInstanceOf(AccessDenied.class);
        var outside = admin(STREET).create(new KeyDraft("keys-other", List.of("write"), List.of("439901002"), null, null, null));
        assertThat(outside.problems()).extracting(Problem::pointer).containsExactly("/areas/0");
        assertThat(new ApiKeyStore(TestCockpit.warehouse()).find("keys-other")).isEmpty();
    }

    @Test
    void rotatingGivesANewKeyForTheSameGrantAndARevokedKeyKeepsItsName() {
        var first = admin(CITY).create(new KeyDraft("keys-rotated", List.of("write"), List.of("439901104"), null, 10.0, 20));
        var second = admin(CITY).rotate("keys-rotated");
        assertThat(second.key()).isNotEqualTo(first.key());
        var store = new ApiKeyStore(TestCockpit.warehouse());
        assertThat(store.find("keys-rotated").orElseThrow().sha256()).isEqualTo(KeyMaterial.sha256Hex(second.key()));
        admin(CITY).revoke("keys-rotated");
        assertThat(store.find("keys-rotated").orElseThrow().revoked()).isTrue();
        assertThat(admin(CITY).rotate("keys-rotated").ok()).isFalse();
        assertThat(admin(CITY).create(new KeyDraft("keys-rotated", List.of("write"), null, null, null, null)).problems())
                .extracting(Problem::pointer).containsExactly("/client");
    }
}
