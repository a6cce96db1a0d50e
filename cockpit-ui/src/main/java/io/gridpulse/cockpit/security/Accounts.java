package io.gridpulse.cockpit.security;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.warehouse.audit.AuditLog;
import io.gridpulse.warehouse.people.AccountRecord;
import io.gridpulse.warehouse.people.AccountStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The people who may sign in, kept by the system: signing in (with back-off against guessing, on a small pool of
 * hashing threads so that a flood of guesses cannot take the machine), and what an administrator does on the users page
 * (create, change, disable, reset a password), each audited. A change is in force at the user's next page: the access
 * guard reads the account again on every navigation, from a copy at most {@link #FRESH} old.
 */
public final class Accounts {
    /** How old the copy of the accounts that a page is checked against may be. */
    static final Duration FRESH = Duration.ofSeconds(5);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Accounts.class);
    private final AccountStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Region region;
    private final SignInThrottle throttle;
    private final io.gridpulse.model.privacy.SecretBox secrets;
    private volatile SecondFactor secondFactor;
    /** Two threads and a short queue: past them a sign-in is told to try again instead of queueing up CPU. */
    private final ThreadPoolExecutor hashing = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16),
            Thread.ofPlatform().name("password-hash-", 0).daemon().factory());
    /** A hash to check against when the name is unknown, so that timing does not tell which names exist. */
    private final Supplier<String> dummy = CockpitUsers.memoized(() -> Passwords.hash("not a password"));
    /** The accounts as last read, null before the first reading. */
    private volatile Map<String, AccountRecord> copy;
    private volatile long copiedAt;

    /**
     * One account as the users page lists it.
     *
     * @param secondFactor whether the account has set up its authenticator app
     */
    public record Account(CockpitUser user, boolean disabled, boolean mustChangePassword, boolean secondFactor,
                         String changedBy, Instant changedAt) {
    }

    /** Who must confirm a sign-in with an authenticator app's code (TOTP, RFC 6238). */
    public enum SecondFactor {
        /** Nobody. */
        OFF,
        /** Users whose scope is the whole region (a root of it): the household-plaque plan asks it for city-wide data. */
        CITY_WIDE,
        /** Every user. */
        ALL;

        /** The setting's value in GP_COCKPIT_SECOND_FACTOR. */
        public static SecondFactor named(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "off" -> OFF;
                case "city-wide" -> CITY_WIDE;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("must be city-wide, all or off, got '" + value + "'");
            };
        }
    }

    /** How a sign-in went. */
    public enum Outcome {
        /** Signed in. */
        SIGNED_IN,
        /** Signed in, but every page leads to choosing a new password first. */
        MUST_CHANGE_PASSWORD,
        /** The password is right; the code of the account's authenticator app is asked next. */
        SECOND_FACTOR,
        /** The password is right; the account must set up its authenticator app first (its scope is the whole region). */
        ENROL_SECOND_FACTOR,
        /** A wrong name or password, or a disabled account: the same answer for each. */
        REFUSED,
        /** Too many wrong passwords for this account or from this address: try again after {@code retryAfter}. */
        LOCKED,
        /** Too many sign-ins at once: try again in a moment. */
        BUSY
    }

    /**
     * @param user the signed-in user (for {@code SIGNED_IN} and {@code MUST_CHANGE_PASSWORD}), or the user whose second
     *             factor is asked next
     */
    public record SignIn(Outcome outcome, CockpitUser user, Instant retryAfter) {
    }

    /** What creating an account or resetting a password gives: the problems, or the one-time password to hand over. */
    public record Issued(List<AccountForm.Problem> problems, String temporaryPassword) {
        public boolean ok() {
            return temporaryPassword != null;
        }
    }

    /**
     * @param secrets      the box TOTP secrets are sealed in
     * @param secondFactor who must confirm a sign-in with an authenticator app's code
     */
    public Accounts(AccountStore store, AuditLog audit, Clock clock, Region region, io.gridpulse.model.privacy.SecretBox secrets,
                    SecondFactor secondFactor) {
        this.secrets = secrets;
        this.secondFactor = secondFactor;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.region = region;
        this.throttle = new SignInThrottle(clock);
    }

    /**
     * Writes the configured first users (GP_COCKPIT_USERS, or the demo's) that have no account yet; an account that
     * exists is left as the users page made it.
     */
    public Accounts bootstrap(CockpitUsers seeds) {
        var existing = records();
        var missing = seeds.accounts().stream().filter(a -> !existing.containsKey(a.user().name())).toList();
        // hashed two at a time: the demo's five users would otherwise hold up a start by a couple of seconds
        var hashes = missing.parallelStream().collect(Collectors.toMap(a -> a.user().name(), a -> a.hash().get()));
        for (var seed : missing) {
            var user = seed.user();
            store.save(record(user, hashes.get(user.name()), false, false, "bootstrap"));
            audit.append("bootstrap", "account_created", describe(user));
        }
        reload();
        return this;
    }

    /** Checks a password, with back-off; audits the sign-in, the failure, and a lock once when it starts. */
    public SignIn signIn(String name, String password, String address) {
        var tried = name == null ? "" : name.strip();
        var locked = throttle.lockedUntil(tried, address);
        if (locked.isPresent()) {
            return new SignIn(Outcome.LOCKED, null, locked.get());
        }
        var record = records().get(tried);
        var stored = record == null ? null : record.passwordHash();
        boolean right;
        try {
            right = hashing.submit(() -> Passwords.verify(password == null ? "" : password, stored == null ? dummy.get() : stored))
                    .get(30, TimeUnit.SECONDS) && stored != null;
        } catch (RejectedExecutionException | TimeoutException e) {
            return new SignIn(Outcome.BUSY, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignIn(Outcome.BUSY, null, null);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        var user = right ? user(record) : Optional.<CockpitUser>empty();
        if (!right || record.disabled() || user.isEmpty()) {
            audit.append(cut(tried), "sign_in_failed", "/login" + (right && record.disabled() ? " (disabled)" : "")
                    + (right && user.isEmpty() && !record.disabled() ? " (account unusable in this region)" : ""));
            var failure = throttle.failed(tried, address);
            if (failure.lockedNow()) {
                audit.append(cut(tried), "sign_in_locked", failure.what() + " until " + failure.until());
            }
            return new SignIn(Outcome.REFUSED, null, null);
        }
        throttle.succeeded(tried, address);
        if (Passwords.iterations(stored) < Passwords.ITERATIONS) {
            // an older, cheaper hash is made again at the strength of today, now that the password is at hand
            store.save(record.withPassword(Passwords.hash(password), record.mustChangePassword(), record.name(), clock.instant()));
            reload();
        }
        if (needsSecondFactor(user.get())) {
            // the sign-in is complete, and audited, only with the code
            return new SignIn(secretOf(record).isEmpty() ? Outcome.ENROL_SECOND_FACTOR : Outcome.SECOND_FACTOR, user.get(), null);
        }
        audit.append(tried, "sign_in", "/login");
        return new SignIn(record.mustChangePassword() ? Outcome.MUST_CHANGE_PASSWORD : Outcome.SIGNED_IN, user.get(), null);
    }

    /**
     * A sign-in through the region's single sign-on, for the user its claims name: the provider vouches for the person,
     * their role, area and department (its account is written or updated to match, with no password of its own); a
     * disabled account stays out; a whole-region user still confirms with a second factor.
     */
    public SignIn ssoSignIn(CockpitUser claimed) {
        var record = records().get(claimed.name());
        if (record != null && record.disabled()) {
            audit.append(cut(claimed.name()), "sign_in_failed", "/oidc/callback (disabled)");
            return new SignIn(Outcome.REFUSED, null, null);
        }
        var now = clock.instant();
        if (record == null) {
            store.save(record(claimed, NO_PASSWORD, false, false, "sso"));
            audit.append("sso", "account_created", describe(claimed));
        } else if (!user(record).filter(claimed::equals).isPresent()) {
            store.save(record.withGrant(claimed.role().wireName(), claimed.scope().value(), claimed.department(), "sso", now));
            audit.append("sso", "account_changed", describe(claimed));
        }
        reload();
        var current = records().get(claimed.name());
        if (needsSecondFactor(claimed)) {
            return new SignIn(secretOf(current).isEmpty() ? Outcome.ENROL_SECOND_FACTOR : Outcome.SECOND_FACTOR, claimed, null);
        }
        audit.append(claimed.name(), "sign_in", "/oidc/callback");
        return new SignIn(Outcome.SIGNED_IN, claimed, null);
    }

    /** The password hash of an account that signs in only through single sign-on: no password matches it. */
    static final String NO_PASSWORD = "sso$no-password";

    /** Whether this user must confirm a sign-in with an authenticator app's code. */
    public boolean needsSecondFactor(CockpitUser user) {
        return switch (secondFactor) {
            case OFF -> false;
            case ALL -> true;
            case CITY_WIDE -> region.roots().stream().anyMatch(root -> root.code().equals(user.scope()));
        };
    }

    /** Changes who must confirm a sign-in with a code (the setting GP_COCKPIT_SECOND_FACTOR; tests switch it). */
    public void requireSecondFactor(SecondFactor who) {
        this.secondFactor = who;
    }

    /**
     * The second step of a sign-in whose password was right: the code of the account's authenticator app, with the same
     * back-off as passwords. A code is accepted once: its time step is kept with the account.
     */
    public SignIn confirm(String name, String code, String address) {
        var locked = throttle.lockedUntil(name, address);
        if (locked.isPresent()) {
            return new SignIn(Outcome.LOCKED, null, locked.get());
        }
        var record = records().get(name);
        var user = record == null || record.disabled() ? Optional.<CockpitUser>empty() : user(record);
        var secret = record == null ? "" : secretOf(record);
        var step = user.isEmpty() || secret.isEmpty() ? java.util.OptionalLong.empty()
                : Totp.matches(secret, code, clock.instant(), record.totpStep());
        if (step.isEmpty()) {
            audit.append(cut(name), "second_factor_failed", "/second-factor");
            var failure = throttle.failed(name, address);
            if (failure.lockedNow()) {
                audit.append(cut(name), "sign_in_locked", failure.what() + " until " + failure.until());
            }
            return new SignIn(Outcome.REFUSED, null, null);
        }
        throttle.succeeded(name, address);
        store.save(record.withSecondFactor(record.totpSealed(), step.getAsLong(), record.changedBy(), record.changedAt()));
        reload();
        audit.append(name, "sign_in", "/second-factor");
        return new SignIn(record.mustChangePassword() ? Outcome.MUST_CHANGE_PASSWORD : Outcome.SIGNED_IN, user.get(), null);
    }

    /**
     * Sets up the account's authenticator app: the secret shown to the user, and a code their app made from it (proof
     * that it was read right). The sign-in then completes as {@link #confirm} would.
     */
    public SignIn enrol(String name, String secret, String code, String address) {
        var record = records().get(name);
        var user = record == null || record.disabled() ? Optional.<CockpitUser>empty() : user(record);
        if (user.isEmpty() || !secretOf(record).isEmpty()) {
            return new SignIn(Outcome.REFUSED, null, null);
        }
        var step = Totp.matches(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            audit.append(cut(name), "second_factor_failed", "/second-factor (setting up)");
            return new SignIn(Outcome.REFUSED, null, null);
        }
        store.save(record.withSecondFactor(secrets.seal(secret), step.getAsLong(), name, clock.instant()));
        reload();
        audit.append(name, "second_factor_enrolled", "account " + name);
        audit.append(name, "sign_in", "/second-factor");
        return new SignIn(record.mustChangePassword() ? Outcome.MUST_CHANGE_PASSWORD : Outcome.SIGNED_IN, user.get(), null);
    }

    /** The account's TOTP secret, empty when none is set up or it was sealed under another key (it is set up again). */
    private String secretOf(AccountRecord record) {
        if (record.totpSealed().isEmpty()) {
            return "";
        }
        try {
            return secrets.open(record.totpSealed());
        } catch (IllegalArgumentException e) {
            log.warn("{}'s second factor does not open under this key (GP_PSEUDONYM_KEY changed?): it is set up again", record.name());
            return "";
        }
    }

    /** Clears an account's authenticator app (a lost phone): the user sets up a new one at the next sign-in. */
    public void resetSecondFactor(String name, CockpitUser admin) {
        var record = manageable(name, admin);
        store.save(record.withSecondFactor("", 0, admin.name(), clock.instant()));
        throttle.succeeded(name, null);
        audit.append(admin.name(), "second_factor_reset", "account " + name);
        reload();
    }

    /** The account as it stands now (at most {@link #FRESH} old); empty when it is gone or disabled. */
    public Optional<CockpitUser> current(String name) {
        var record = records().get(name);
        return record == null || record.disabled() ? Optional.empty() : user(record);
    }

    /** Whether the user must choose a new password before anything else. */
    public boolean mustChangePassword(String name) {
        var record = records().get(name);
        return record != null && record.mustChangePassword();
    }

    /** The accounts inside an administrator's area, by area then name. */
    public List<Account> within(CockpitUser admin) {
        requireAdmin(admin);
        return records().values().stream()
                .map(r -> user(r).map(u -> new Account(u, r.disabled(), r.mustChangePassword(), !r.totpSealed().isEmpty(),
                        r.changedBy(), r.changedAt())))
                .flatMap(Optional::stream)
                .filter(a -> admin.canSee(a.user().scope()))
                .sorted(Comparator.comparing((Account a) -> a.user().scope().value()).thenComparing(a -> a.user().name()))
                .toList();
    }

    /** Creates an account that must change its one-time password at the first sign-in. */
    public Issued create(AccountForm form, CockpitUser admin) {
        requireAdmin(admin);
        var checked = form.check(admin, region, records().keySet());
        if (!checked.ok()) {
            return new Issued(checked.problems(), null);
        }
        var password = Passwords.temporary();
        store.save(record(checked.user(), Passwords.hash(password), false, true, admin.name()));
        audit.append(admin.name(), "account_created", describe(checked.user()));
        reload();
        return new Issued(List.of(), password);
    }

    /** Changes an account's role, area or department (not its name); the password and status stay. */
    public List<AccountForm.Problem> change(String name, AccountForm form, CockpitUser admin) {
        var record = manageable(name, admin);
        var checked = new AccountForm(name, form.role(), form.scope(), form.department()).check(admin, region, Set.of());
        if (!checked.ok()) {
            return checked.problems();
        }
        if (name.equals(admin.name()) && (checked.user().role() != Role.ADMINISTRATOR || !checked.user().scope().equals(admin.scope()))) {
            return List.of(new AccountForm.Problem("role", "users.problem.self"));
        }
        store.save(record.withGrant(checked.user().role().wireName(), checked.user().scope().value(),
                checked.user().department(), admin.name(), clock.instant()));
        audit.append(admin.name(), "account_changed", describe(checked.user()));
        reload();
        return List.of();
    }

    /** Disables or enables an account; a disabled user's open pages end at their next navigation. */
    public List<AccountForm.Problem> setDisabled(String name, boolean disabled, CockpitUser admin) {
        var record = manageable(name, admin);
        if (name.equals(admin.name())) {
            return List.of(new AccountForm.Problem("name", "users.problem.self"));
        }
        store.save(record.withDisabled(disabled, admin.name(), clock.instant()));
        audit.append(admin.name(), disabled ? "account_disabled" : "account_enabled", "account " + name);
        reload();
        return List.of();
    }

    /** A new one-time password for the account, to be changed at its next sign-in; its back-off is cleared. */
    public Issued resetPassword(String name, CockpitUser admin) {
        var record = manageable(name, admin);
        var password = Passwords.temporary();
        store.save(record.withPassword(Passwords.hash(password), true, admin.name(), clock.instant()));
        throttle.succeeded(name, null);
        audit.append(admin.name(), "password_reset", "account " + name);
        reload();
        return new Issued(List.of(), password);
    }

    /**
     * A user chooses a new password: the current one must be right, the new one must meet {@link Passwords#weaknesses}
     * and differ from it. Gives the translation keys of what is wrong, empty when it is changed.
     */
    public List<String> changePassword(String name, String current, String chosen) {
        var record = records().get(name);
        if (record == null || record.disabled() || !Passwords.verify(current == null ? "" : current, record.passwordHash())) {
            audit.append(cut(name), "password_change_failed", "account " + name);
            return List.of("password.rule.current");
        }
        var weak = Passwords.weaknesses(chosen, name);
        if (!weak.isEmpty()) {
            return weak;
        }
        if (chosen.equals(current)) {
            return List.of("password.rule.same");
        }
        store.save(record.withPassword(Passwords.hash(chosen), false, name, clock.instant()));
        audit.append(name, "password_changed", "account " + name);
        reload();
        return List.of();
    }

    private AccountRecord manageable(String name, CockpitUser admin) {
        requireAdmin(admin);
        var record = records().get(name);
        var user = record == null ? Optional.<CockpitUser>empty() : user(record);
        if (user.isEmpty() || !admin.canSee(user.get().scope())) {
            throw new AccessDenied("account " + name + " is not inside " + admin.name() + "'s scope " + admin.scope());
        }
        return record;
    }

    private static void requireAdmin(CockpitUser admin) {
        if (!admin.may(Permission.MANAGE_USERS)) {
            throw new AccessDenied("the role " + admin.role().wireName() + " lacks " + Permission.MANAGE_USERS);
        }
    }

    /** The account as a user, when its role and area still make sense in this region. */
    private Optional<CockpitUser> user(AccountRecord r) {
        var role = Role.ofWireName(r.role());
        var scope = AreaCode.parse(r.scope()).filter(a -> region.area(a).isPresent());
        if (role.isEmpty() || scope.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CockpitUser(r.name(), role.get(), scope.get(), r.department().isEmpty() ? null : r.department()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private AccountRecord record(CockpitUser user, String hash, boolean disabled, boolean mustChange, String by) {
        return new AccountRecord(user.name(), user.role().wireName(), user.scope().value(), user.department(), hash,
                disabled, mustChange, "", 0, by, clock.instant());
    }

    private Map<String, AccountRecord> records() {
        if (copy == null || System.nanoTime() - copiedAt > FRESH.toNanos()) {
            reload();
        }
        return copy == null ? Map.of() : copy;
    }

    private synchronized void reload() {
        var byName = new LinkedHashMap<String, AccountRecord>();
        try {
            store.all().forEach(r -> byName.put(r.name(), r));
        } catch (RuntimeException e) {
            // the warehouse is briefly away: keep signing people in against the last copy
            log.warn("could not read the accounts ({}); using the copy of {} accounts", e.toString(), copy == null ? 0 : copy.size());
            return;
        }
        copy = Map.copyOf(byName);
        copiedAt = System.nanoTime();
    }

    private static String describe(CockpitUser user) {
        return "account " + user.name() + ": " + user.role().wireName() + " " + user.scope().value()
                + (user.department() == null ? "" : " " + user.department());
    }

    /** The name typed, cut short: a password typed into the name field should not land whole in the log. */
    private static String cut(String name) {
        return name == null ? "" : name.length() <= 32 ? name : name.substring(0, 32) + "…";
    }
}
