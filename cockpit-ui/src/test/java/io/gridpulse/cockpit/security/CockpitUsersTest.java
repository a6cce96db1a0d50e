package io.gridpulse.cockpit.security;

import io.gridpulse.geo.region.Region;
import io.gridpulse.geo.region.RegionSource;
import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CockpitUsersTest {
    private static final CockpitUser HEAD = new CockpitUser("zhang", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs");

    @Test
    void theRightPasswordSignsInAsTheUserWithRoleAndScopeAndAWrongOneDoesNot() {
        var users = CockpitUsers.withPasswords(Map.of(HEAD, "correct horse"));
        assertThat(users.authenticate("zhang", "correct horse")).hasValue(HEAD);
        assertThat(users.authenticate("zhang", "correct horse ")).isEmpty();
        assertThat(users.authenticate("nobody", "correct horse")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
    }

    @Test
    void hashesAreSaltedSoTheSamePasswordHashesDifferently() {
        assertThat(CockpitUsers.hash("same")).isNotEqualTo(CockpitUsers.hash("same")).startsWith("pbkdf2$");
    }

    @Test
    void aConfiguredEntryCarriesRoleScopeAndDepartment() {
        var users = CockpitUsers.parse("zhang:department_head:439901001:civil_affairs=" + CockpitUsers.hash("s3cret")
                + ", li:watcher:439901104002=" + CockpitUsers.hash("other"));
        assertThat(users.authenticate("zhang", "s3cret")).hasValue(HEAD);
        assertThat(users.authenticate("li", "other")).hasValue(new CockpitUser("li", Role.WATCHER, AreaCode.of("439901104002"), null));
    }

    @Test
    void anEntryWrittenByEntryParsesBackToTheSameUser() {
        var users = CockpitUsers.parse(CockpitUsers.entry(HEAD, "pw"));
        assertThat(users.authenticate("zhang", "pw")).hasValue(HEAD);
    }

    @Test
    void aDepartmentHeadWithoutADepartmentCodeIsRefusedRatherThanShownEveryCase() {
        var hash = CockpitUsers.hash("x");
        assertThatThrownBy(() -> CockpitUsers.parse("zhang:department_head:439901001=" + hash))
                .hasMessageContaining("department head").hasMessageContaining("needs a department code");
        assertThatThrownBy(() -> CockpitUsers.parse("zhang:department_head:439901001:民政=" + hash))
                .hasMessageContaining("civil_affairs").hasMessageContaining("民政");
    }

    @Test
    void aPlaintextPasswordInTheConfigurationIsRefused() {
        assertThatThrownBy(() -> CockpitUsers.parse("li:watcher:439901104002=s3cret")).hasMessageContaining("=s3cret");
    }

    @Test
    void anEntryWithoutRoleAndScopeIsRefusedRatherThanGivenTheWholeRegion() {
        assertThatThrownBy(() -> CockpitUsers.parse("watcher=" + CockpitUsers.hash("x")))
                .hasMessageContaining("need a name, a role and an area code");
    }

    @Test
    void anUnknownRoleOrAMalformedAreaIsRefusedWithTheRightWord() {
        var hash = CockpitUsers.hash("x");
        assertThatThrownBy(() -> CockpitUsers.parse("li:boss:439901=" + hash)).hasMessageContaining("unknown role \"boss\"");
        assertThatThrownBy(() -> CockpitUsers.parse("li:watcher:43990=" + hash)).hasMessageContaining("\"43990\"").hasMessageContaining("not an area code");
        assertThatThrownBy(() -> CockpitUsers.parse("li:watcher:439901=" + hash + ",li:leader:439901=" + hash)).hasMessageContaining("twice");
    }

    @Test
    void theDemoHasOneUserPerRoleWithDifferentScopes() {
        var users = CockpitUsers.demo("demo-pw");
        assertThat(users.users()).extracting(CockpitUser::role).containsExactlyInAnyOrder(Role.values());
        assertThat(users.users()).extracting(CockpitUser::scope).extracting(AreaCode::value)
                .contains("439901", "439901001", "439901104002");
        for (var user : CockpitUsers.DEMO_USERS) {
            assertThat(users.authenticate(user.name(), "demo-pw")).hasValue(user);
        }
    }

    @Test
    void aCountyOnItsOwnBoundariesGetsOneDemoUserPerRoleScopedToItsAreas() throws Exception {
        var county = RegionSource.of(Path.of("..", "docs", "examples", "county-region.geojson")).region();
        var users = CockpitUsers.demo("demo-pw", county);
        assertThat(users.users()).extracting(u -> u.name() + "@" + u.scope().value()).containsExactlyInAnyOrder(
                "leader@439902", "head@439902001", "watcher@439902001001", "analyst@439902", "admin@439902");
        assertThat(users.authenticate("watcher", "demo-pw")).isPresent();
        assertThat(CockpitUsers.demo("demo-pw", Region.demo()).users()).containsExactlyInAnyOrderElementsOf(CockpitUsers.DEMO_USERS);
    }
}
