package io.gridpulse.cockpit.security;

import io.gridpulse.cockpit.TestCockpit;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.audit.AuditEntry;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.people.AccountRecord;
import io.gridpulse.warehouse.people.AccountStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accounts the system keeps, in the embedded warehouse: bootstrap, sign-in with back-off, and the administrator's changes. */
@ExtendWith(TestCockpit.Shared.class)
class AccountsTest {
    private static final CockpitUser CITY_ADMIN = new CockpitUser("acct-admin", Role.ADMINISTRATOR, AreaCode.of("439901"), null);
    private static final CockpitUser STREET_ADMIN = new CockpitUser("acct-street-admin", Role.ADMINISTRATOR, AreaCode.of("439901001"), null);
    private static final CockpitUser WATCHER = new CockpitUser("acct-watcher", Role.WATCHER, AreaCode.of("439901104002"), null);
    private static final io.gridpulse.model.privacy.SecretBox BOX = new io.gridpulse.model.privacy.SecretBox(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), "account secrets");
    private static Accounts accounts;
    private static AuditLog audit;
    private static AccountStore store;

    @BeforeAll
    static void seed() {
        store = new AccountStore(TestCockpit.warehouse());
        // the cockpit's own log: a second writer on the table would fork its chain
        audit = TestCockpit.installedContext().audit();
        accounts = new Accounts(store, audit, TestCockpit.clock(), Region.demo(), BOX, Accounts.SecondFactor.OFF).bootstrap(CockpitUsers.withPasswords(Map.of(
                CITY_ADMIN, "Admin-pass-1", STREET_ADMIN, "Admin-pass-2", WATCHER, "Watcher-pass-1")));
    }

    private static List<String> lastActions(int n) {
        return audit.latest(n).stream().map(e -> e.action() + " " + e.user() + " " + e.target()).toList();
    }

    @Test
    void theFirstUsersAreWrittenOnceAndAChangeMadeSinceIsNotOverwrittenByTheEnvironment() {
        var moved = new CockpitUser("acct-watcher", Role.WATCHER, AreaCode.of("439901104001"), null);
        var before = store.find("acct-watcher").orElseThrow();
        accounts.bootstrap(CockpitUsers.withPasswords(Map.of(moved, "Other-pass-1")));
        assertThat(store.find("acct-watcher").orElseThrow()).isEqualTo(before);
        assertThat(accounts.current("acct-watcher")).hasValue(WATCHER);
    }

    @Test
    void theRightPasswordSignsInAndAWrongOneAnUnknownNameAndADisabledAccountAllGetTheSameRefusal() {
        var ok = accounts.signIn("acct-watcher", "Watcher-pass-1", "10.1.0.1");
        assertThat(ok.outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
        assertThat(ok.user()).isEqualTo(WATCHER);
        assertThat(accounts.signIn("acct-watcher", "watcher-pass-1", "10.1.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        assertThat(accounts.signIn("acct-nobody", "Watcher-pass-1", "10.1.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        assertThat(accounts.signIn(null, null, "10.1.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        assertThat(lastActions(1)).singleElement().asString().startsWith("sign_in_failed");
    }

    @Test
    void theSixthWrongPasswordLocksTheAccountEvenForTheRightOneAndTheLockIsAuditedOnce() {
        var user = new CockpitUser("acct-guessed", Role.ANALYST, AreaCode.of("439901"), null);
        accounts.bootstrap(CockpitUsers.withPasswords(Map.of(user, "Right-pass-1")));
        for (int i = 0; i < 6; i++) {
            assertThat(accounts.signIn("acct-guessed", "guess-" + i, "10.2.0." + i).outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        }
        var locked = accounts.signIn("acct-guessed", "Right-pass-1", "10.2.0.99");
        assertThat(locked.outcome()).isEqualTo(Accounts.Outcome.LOCKED);
        assertThat(locked.retryAfter()).isAfter(TestCockpit.now());
        var entries = audit.latest(20).stream().filter(e -> e.user().equals("acct-guessed")).map(AuditEntry::action).toList();
        assertThat(entries).containsOnlyOnce("sign_in_locked").contains("sign_in_failed");
        // an administrator's reset lets the owner back in at once
        var reset = accounts.resetPassword("acct-guessed", CITY_ADMIN);
        assertThat(accounts.signIn("acct-guessed", reset.temporaryPassword(), "10.2.0.99").outcome())
                .isEqualTo(Accounts.Outcome.MUST_CHANGE_PASSWORD);
    }

    @Test
    void aNewAccountGetsAOneTimePasswordThatMustBeChangedAndTheChangeFollowsTheRule() {
        var issued = accounts.create(new AccountForm("acct-new-head", "department_head", "439901001", "civil_affairs"), CITY_ADMIN);
        assertThat(issued.ok()).isTrue();
        assertThat(lastActions(1)).singleElement().asString()
                .isEqualTo("account_created acct-admin account acct-new-head: department_head 439901001 civil_affairs");
        var first = accounts.signIn("acct-new-head", issued.temporaryPassword(), "10.3.0.1");
        assertThat(first.outcome()).isEqualTo(Accounts.Outcome.MUST_CHANGE_PASSWORD);
        assertThat(accounts.mustChangePassword("acct-new-head")).isTrue();

        assertThat(accounts.changePassword("acct-new-head", "not it", "New-pass-2026")).containsExactly("password.rule.current");
        assertThat(accounts.changePassword("acct-new-head", issued.temporaryPassword(), "short")).containsExactly("password.rule.length");
        assertThat(accounts.changePassword("acct-new-head", issued.temporaryPassword(), issued.temporaryPassword()))
                .containsExactly("password.rule.same");
        assertThat(accounts.changePassword("acct-new-head", issued.temporaryPassword(), "New-pass-2026")).isEmpty();
        assertThat(accounts.mustChangePassword("acct-new-head")).isFalse();
        assertThat(accounts.signIn("acct-new-head", "New-pass-2026", "10.3.0.1").outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
        assertThat(store.find("acct-new-head").orElseThrow().passwordHash()).doesNotContain("New-pass-2026").startsWith("pbkdf2$600000$");
    }

    @Test
    void everyBadFormIsRefusedNamingItsFieldAndNothingIsStored() {
        var cases = Map.of(
                new AccountForm("", "watcher", "439901001", null), "name users.problem.name",
                new AccountForm("li wei", "watcher", "439901001", null), "name users.problem.name",
                new AccountForm("ACCT-ADMIN", "watcher", "439901001", null), "name users.problem.name-taken",
                new AccountForm("acct-x1", "boss", "439901001", null), "role users.problem.role",
                new AccountForm("acct-x2", "watcher", "439902001", null), "scope users.problem.scope",
                new AccountForm("acct-x3", "watcher", "43990", null), "scope users.problem.scope",
                new AccountForm("acct-x4", "watcher", "439901002", null), "scope users.problem.scope-outside",
                new AccountForm("acct-x5", "department_head", "439901001", null), "department users.problem.department-needed",
                new AccountForm("acct-x6", "department_head", "439901001", "民政"), "department users.problem.department");
        var before = store.all().size();
        cases.forEach((form, expected) -> {
            var issued = accounts.create(form, STREET_ADMIN);
            assertThat(issued.ok()).as(form.toString()).isFalse();
            assertThat(issued.problems()).as(form.toString()).extracting(p -> p.field() + " " + p.key()).contains(expected);
        });
        assertThat(store.all()).hasSize(before);
    }

    @Test
    void anAdministratorChangesOnlyAccountsInsideTheirAreaAndNeverLocksThemselvesOut() {
        assertThatThrownBy(() -> accounts.resetPassword("acct-watcher", STREET_ADMIN)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> accounts.within(WATCHER)).isInstanceOf(AccessDenied.class);
        assertThat(accounts.within(STREET_ADMIN)).extracting(a -> a.user().name()).contains("acct-street-admin").doesNotContain("acct-watcher");
        assertThat(accounts.setDisabled("acct-admin", true, CITY_ADMIN)).extracting(AccountForm.Problem::key).containsExactly("users.problem.self");
        assertThat(accounts.change("acct-admin", new AccountForm(null, "watcher", "439901", null), CITY_ADMIN))
                .extracting(AccountForm.Problem::key).containsExactly("users.problem.self");
        assertThat(accounts.current("acct-admin")).hasValue(CITY_ADMIN);
    }

    @Test
    void aDisabledAccountNoLongerSignsInNorKeepsItsSessionAndARoleChangeIsInForceAtOnce() {
        var user = new CockpitUser("acct-leaving", Role.WATCHER, AreaCode.of("439901001001"), null);
        accounts.bootstrap(CockpitUsers.withPasswords(Map.of(user, "Leaving-pass-1")));
        assertThat(accounts.change("acct-leaving", new AccountForm(null, "department_head", "439901001", "health"), CITY_ADMIN)).isEmpty();
        assertThat(accounts.current("acct-leaving")).hasValue(new CockpitUser("acct-leaving", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "health"));
        assertThat(accounts.setDisabled("acct-leaving", true, CITY_ADMIN)).isEmpty();
        assertThat(accounts.current("acct-leaving")).isEmpty();
        assertThat(accounts.signIn("acct-leaving", "Leaving-pass-1", "10.4.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        assertThat(lastActions(1)).singleElement().asString().contains("sign_in_failed acct-leaving /login (disabled)");
        assertThat(accounts.within(CITY_ADMIN)).filteredOn(a -> a.user().name().equals("acct-leaving"))
                .singleElement().satisfies(a -> assertThat(a.disabled()).isTrue());
        assertThat(accounts.setDisabled("acct-leaving", false, CITY_ADMIN)).isEmpty();
        assertThat(accounts.signIn("acct-leaving", "Leaving-pass-1", "10.4.0.1").outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
    }

    @Test
    void aStoredHashOfFewerIterationsIsMadeAgainAtTheNextSignIn() throws Exception {
        // 210,000 iterations: the figure of an older release
        var salt = java.util.Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);
        var spec = new javax.crypto.spec.PBEKeySpec("Old-pass-123".toCharArray(), new byte[16], 210_000, 256);
        var derived = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        var old = "pbkdf2$210000$" + salt + "$" + java.util.Base64.getEncoder().withoutPadding().encodeToString(derived);
        store.save(new AccountRecord("acct-old", "analyst", "439901", "", old, false, false, "", 0, "test", TestCockpit.now()));
        var fresh = new Accounts(store, audit, TestCockpit.clock(), Region.demo(), BOX, Accounts.SecondFactor.OFF);
        assertThat(fresh.signIn("acct-old", "Old-pass-123", "10.5.0.1").outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
        assertThat(Passwords.iterations(store.find("acct-old").orElseThrow().passwordHash())).isEqualTo(600_000);
        assertThat(fresh.signIn("acct-old", "Old-pass-123", "10.5.0.1").outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
    }

    @Test
    void anAccountWhoseAreaIsNotInThisRegionCannotSignIn() {
        store.save(new AccountRecord("acct-elsewhere", "leader", "439902", "", Passwords.hash("Elsewhere-1"), false, false, "", 0, "test",
                TestCockpit.now()));
        var fresh = new Accounts(store, audit, TestCockpit.clock(), Region.demo(), BOX, Accounts.SecondFactor.OFF);
        assertThat(fresh.signIn("acct-elsewhere", "Elsewhere-1", "10.6.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        assertThat(fresh.current("acct-elsewhere")).isEmpty();
        assertThat(Set.of(lastActions(1).getFirst())).singleElement().asString().contains("account unusable in this region");
    }

    @Test
    void aWholeRegionUserSetsUpAnAuthenticatorAppThenConfirmsEachSignInWithAFreshCode() {
        var clock = TestCockpit.clock();
        var strict = new Accounts(store, audit, clock, Region.demo(), BOX, Accounts.SecondFactor.CITY_WIDE);
        var city = new CockpitUser("acct-2fa-city", Role.LEADER, AreaCode.of("439901"), null);
        var street = new CockpitUser("acct-2fa-street", Role.WATCHER, AreaCode.of("439901001"), null);
        strict.bootstrap(CockpitUsers.withPasswords(Map.of(city, "City-pass-1", street, "Street-pass-1")));
        assertThat(strict.signIn("acct-2fa-street", "Street-pass-1", "10.7.0.1").outcome()).as("not city-wide")
                .isEqualTo(Accounts.Outcome.SIGNED_IN);

        var first = strict.signIn("acct-2fa-city", "City-pass-1", "10.7.0.1");
        assertThat(first.outcome()).isEqualTo(Accounts.Outcome.ENROL_SECOND_FACTOR);
        assertThat(lastActions(1)).singleElement().asString().as("the sign-in is not complete yet").doesNotContain("acct-2fa-city");
        var secret = Totp.newSecret();
        assertThat(strict.enrol("acct-2fa-city", secret, "000000", "10.7.0.1").outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        var now = clock.instant();
        var enrolled = strict.enrol("acct-2fa-city", secret, Totp.code(secret, Totp.step(now)), "10.7.0.1");
        assertThat(enrolled.outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
        assertThat(store.find("acct-2fa-city").orElseThrow().totpSealed()).isNotEmpty().doesNotContain(secret);
        assertThat(lastActions(2)).extracting(a -> a.split(" ")[0]).containsExactly("sign_in", "second_factor_enrolled");

        assertThat(strict.signIn("acct-2fa-city", "City-pass-1", "10.7.0.1").outcome()).isEqualTo(Accounts.Outcome.SECOND_FACTOR);
        assertThat(strict.confirm("acct-2fa-city", Totp.code(secret, Totp.step(now)), "10.7.0.1").outcome())
                .as("the code already used").isEqualTo(Accounts.Outcome.REFUSED);
        var next = Totp.code(secret, Totp.step(now) + 1);
        assertThat(strict.confirm("acct-2fa-city", next, "10.7.0.1").outcome()).isEqualTo(Accounts.Outcome.SIGNED_IN);
        assertThat(strict.within(new CockpitUser("acct-admin", Role.ADMINISTRATOR, AreaCode.of("439901"), null)))
                .filteredOn(a -> a.user().name().equals("acct-2fa-city")).singleElement()
                .satisfies(a -> assertThat(a.secondFactor()).isTrue());

        // a lost phone: the administrator resets it and the user sets up a new app at the next sign-in
        strict.resetSecondFactor("acct-2fa-city", CITY_ADMIN);
        assertThat(strict.signIn("acct-2fa-city", "City-pass-1", "10.7.0.1").outcome()).isEqualTo(Accounts.Outcome.ENROL_SECOND_FACTOR);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        var strict = new Accounts(store, audit, TestCockpit.clock(), Region.demo(), BOX, Accounts.SecondFactor.ALL);
        var user = new CockpitUser("acct-2fa-guessed", Role.WATCHER, AreaCode.of("439901001"), null);
        strict.bootstrap(CockpitUsers.withPasswords(Map.of(user, "Guessed-pass-1")));
        var secret = Totp.newSecret();
        strict.enrol("acct-2fa-guessed", secret, Totp.code(secret, Totp.step(TestCockpit.clock().instant())), "10.8.0.1");
        for (int i = 0; i < 6; i++) {
            assertThat(strict.confirm("acct-2fa-guessed", "00000" + i, "10.8.0." + i).outcome()).isEqualTo(Accounts.Outcome.REFUSED);
        }
        assertThat(strict.confirm("acct-2fa-guessed", "123456", "10.8.0.9").outcome()).isEqualTo(Accounts.Outcome.LOCKED);
        assertThat(audit.latest(10)).extracting(AuditEntry::action).contains("sign_in_locked", "second_factor_failed");
    }
}
