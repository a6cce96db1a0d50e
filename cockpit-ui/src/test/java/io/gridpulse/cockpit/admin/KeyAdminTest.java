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

    @Test
    void aDevicesFileRegistersEveryDeviceWithItsOwnKeyInItsStreet() {
        TestCockpit.warehouse().clickHouse().execute("INSERT INTO gridpulse.households (household_id, county_code, street_code,"
                + " community_code, grid_code, residents, aged_60_plus, groups, version) VALUES ('keys-hh-1', '439901',"
                + " '439901104', '439901104002', '439901104002003', 1, 1, ['elderly_alone'], 1)");
        var registration = admin(CITY).registerDevices("""
                device_id,device_type,grid_code,household_id,hall_id
                keys-wb-1,wristband,,keys-hh-1,
                keys-term-1,grid_terminal,439901001001001,,
                keys-kiosk-9,rating_device,439901001002001,,hall-1
                """);

        assertThat(registration.problems()).isEmpty();
        assertThat(registration.credentials()).extracting(KeyAdmin.Credential::deviceId, c -> c.area().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("keys-wb-1", "439901104"),
                        org.assertj.core.groups.Tuple.tuple("keys-term-1", "439901001"),
                        org.assertj.core.groups.Tuple.tuple("keys-kiosk-9", "439901001"));
        var store = new ApiKeyStore(TestCockpit.warehouse());
        var wristband = store.find("keys-wb-1").orElseThrow();
        assertThat(wristband.sha256()).isEqualTo(KeyMaterial.sha256Hex(registration.credentials().getFirst().key()));
        assertThat(wristband.grant().kinds()).containsExactly(io.gridpulse.model.event.EventKind.TELEMETRY);
        assertThat(wristband.grant().perSecond()).isEqualTo(DeviceRegistration.PER_SECOND);
        assertThat(store.find("keys-kiosk-9").orElseThrow().grant().kinds())
                .contains(io.gridpulse.model.event.EventKind.FEEDBACK, io.gridpulse.model.event.EventKind.TELEMETRY);
        assertThat(TestCockpit.installedContext().audit().latest(1)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.target()).startsWith("devices_registered 3 devices: keys-wb-1"));
    }

    @Test
    void aDevicesFileWithAnyProblemRegistersNothingAndNamesEachLine() {
        var registration = admin(STREET).registerDevices("""
                device_id,device_type,grid_code,household_id,hall_id
                keys-ok-1,wristband,439901001001001,,
                keys-bad-1,toaster,439901001001001,,
                keys-bad-2,wristband,,keys-no-such-household,
                keys-bad-3,kiosk,439901002001001,,
                keys-bad-4,kiosk,999999999999999,,
                Keys-Upper,kiosk,439901001001001,,
                keys-ok-1,kiosk,439901001001001,,
                """);

        assertThat(registration.ok()).isFalse();
        assertThat(registration.problems()).extracting(Problem::pointer).containsExactly(
                "/line/3/device_type", "/line/4/household_id", "/line/5/grid_code", "/line/6/grid_code",
                "/line/7/device_id", "/line/8/device_id");
        assertThat(registration.credentials()).isEmpty();
        assertThat(new ApiKeyStore(TestCockpit.warehouse()).find("keys-ok-1")).as("nothing half-applied").isEmpty();

        assertThat(admin(STREET).registerDevices("id,type\nx,y\n").problems()).extracting(Problem::pointer)
                .containsExactly("/line/1/device_id", "/line/1/device_type");
    }
}
