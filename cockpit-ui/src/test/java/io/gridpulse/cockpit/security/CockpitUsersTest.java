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
    /** One hash for the tests that need any: each costs 600,000 iterations. */
    private static final String HASH = Passwords.hash("s3cret-Pass");

    /** The user of that name, when the password matches the hash their entry carries. */
    private static java.util.Optional<CockpitUser> authenticate(CockpitUsers users, String name, String password) {
        return users.accounts().stream().filter(a -> a.user().name().equals(name))
                .filter(a -> password != null && Passwords.verify(password, a.hash().get())).map(CockpitUsers.Account::user).findFirst();
    }

    @Test
    void theRightPasswordSignsInAsTheUserWithRoleAndScopeAndAWrongOneDoesNot() {
        var users = CockpitUsers.withPasswords(Map.of(HEAD, "correct horse"));
        assertThat(authenticate(users, "zhang", "correct horse")).hasValue(HEAD);
        assertThat(authenticate(users, "zhang", "correct horse ")).isEmpty();
        assertThat(authenticate(users, "nobody", "correct horse")).isEmpty();
        assertThat(authenticate(users, null, null)).isEmpty();
    }

    @Test
    void hashesAreSaltedSoTheSamePasswordHashesDifferently() {
        assertThat(Passwords.hash("same")).isNotEqualTo(Passwords.hash("same")).startsWith("pbkdf2$600000$");
    }

    @Test
    void aConfiguredEntryCarriesRoleScopeAndDepartment() {
        var users = CockpitUsers.parse("zhang:department_head:439901001:civil_affairs=" + HASH
                + ", li:watcher:439901104002=" + HASH);
        assertThat(authenticate(users, "zhang", "s3cret-Pass")).hasValue(HEAD);
        assertThat(authenticate(users, "li", "s3cret-Pass")).hasValue(new CockpitUser("li", Role.WATCHER, AreaCode.of("439901104002"), null));
    }

    @Test
    void anEntryWrittenByEntryParsesBackToTheSameUser() {
        var users = CockpitUsers.parse(CockpitUsers.entry(HEAD, "pw"));
        assertThat(authenticate(users, "zhang", "pw")).hasValue(HEAD);
    }

    @Test
    void aDepartmentHeadWithoutADepartmentCodeIsRefusedRatherThanShownEveryCase() {
        var hash = HASH;
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
        assertThatThrownBy(() -> CockpitUsers.parse("watcher=" + HASH))
                .hasMessageContaining("need a name, a role and an area code");
    }

    @Test
    void anUnknownRoleOrAMalformedAreaIsRefusedWithTheRightWord() {
        var hash = HASH;
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
            assertThat(authenticate(users, user.name(), "demo-pw")).hasValue(user);
        }
    }

    @Test
    void aCountyOnItsOwnBoundariesGetsOneDemoUserPerRoleScopedToItsAreas() throws Exception {
        var county = RegionSource.of(Path.of("..", "docs", "examples", "county-region.geojson")).region();
        var users = CockpitUsers.demo("demo-pw", county);
        assertThat(users.users()).extracting(u -> u.name() + "@" + u.scope().value()).containsExactlyInAnyOrder(
                "leader@439902", "head@439902001", "watcher@439902001001", "analyst@439902", "admin@439902");
        assertThat(authenticate(users, "watcher", "demo-pw")).isPresent();
        assertThat(CockpitUsers.demo("demo-pw", Region.demo()).users()).containsExactlyInAnyOrderElementsOf(CockpitUsers.DEMO_USERS);
    }

    @Test
    void aConfiguredHashOfFewerIterationsThanOwaspsFigureIsRefusedSayingHowToMakeOne() {
        var weak = HASH.replace("pbkdf2$600000$", "pbkdf2$210000$");
        assertThatThrownBy(() -> CockpitUsers.parse("li:watcher:439901=" + weak))
                .hasMessageContaining("li's hash has 210000 iterations").hasMessageContaining("./gridpulse hash-password");
        assertThatThrownBy(() -> CockpitUsers.parse("li:watcher:439901=pbkdf2$many$a$b")).hasMessageContaining("no readable iteration count");
    }

    @Test
    void aMalformedSignInNameIsRefused() {
        assertThatThrownBy(() -> CockpitUsers.parse("li wei:watcher:439901=" + HASH)).hasMessageContaining("\"li wei\" is not a sign-in name");
    }
}
