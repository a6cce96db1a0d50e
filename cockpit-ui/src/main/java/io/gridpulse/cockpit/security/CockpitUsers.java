package io.gridpulse.cockpit.security;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people an installation starts with: the first administrator of a county, or the five demo users. They are written
 * to the accounts the system keeps ({@link Accounts}) when no account of that name exists yet; from then on the users
 * page manages them, and a changed entry here does not overwrite what was changed there.
 *
 * <p>Configuration ({@code GP_COCKPIT_USERS}): comma-separated entries
 * {@code name:role:areaCode[:department]=pbkdf2$iterations$salt$hash}, e.g.
 * {@code zhang:department_head:439901001:civil_affairs=pbkdf2$600000$...} (the department by the code
 * the case events carry in {@code demand.assigned}); {@code ./gridpulse hash-password} makes the hash. Roles are
 * {@code leader}, {@code department_head}, {@code watcher}, {@code analyst}, {@code administrator}. A hash of fewer
 * than {@value Passwords#ITERATIONS} iterations is refused.
 */
public final class CockpitUsers {
    private final Map<String, Account> accounts;

    /** A user and their password's hash, made when first asked (a demo user's only if it is ever written). */
    public record Account(CockpitUser user, java.util.function.Supplier<String> hash) {
    }

    private CockpitUsers(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /** Parses the {@code GP_COCKPIT_USERS} format described on the class. */
    public static CockpitUsers parse(String spec) {
        var map = new LinkedHashMap<String, Account>();
        if (spec != null && !spec.isBlank()) {
            for (var raw : spec.split(",")) {
                var entry = raw.trim();
                var parts = entry.split("=", 2);
                if (parts.length != 2 || !parts[1].startsWith("pbkdf2$")) {
                    throw new IllegalArgumentException("GP_COCKPIT_USERS entries must look like "
                            + "name:role:areaCode[:department]=pbkdf2$..., got: " + entry);
                }
                var user = user(parts[0], entry);
                var iterations = Passwords.iterations(parts[1]);
                if (iterations < Passwords.ITERATIONS) {
                    throw new IllegalArgumentException("GP_COCKPIT_USERS: " + user.name() + "'s hash has "
                            + (iterations == 0 ? "no readable iteration count" : iterations + " iterations")
                            + "; at least " + Passwords.ITERATIONS + " are needed: make it again with ./gridpulse hash-password");
                }
                var hash = parts[1];
                if (map.put(user.name(), new Account(user, () -> hash)) != null) {
                    throw new IllegalArgumentException("GP_COCKPIT_USERS names " + user.name() + " twice");
                }
            }
        }
        return new CockpitUsers(map);
    }

    private static CockpitUser user(String head, String entry) {
        var fields = head.split(":", -1);
        if (fields.length < 3 || fields.length > 4 || fields[0].isBlank()) {
            throw new IllegalArgumentException("GP_COCKPIT_USERS entries need a name, a role and an area code "
                    + "(name:role:areaCode[:department]=pbkdf2$...), got: " + entry);
        }
        if (!AccountForm.isName(fields[0])) {
            throw new IllegalArgumentException("GP_COCKPIT_USERS: \"" + fields[0] + "\" is not a sign-in name "
                    + "(letters, digits, '.', '_' or '-', up to 64, starting with a letter or digit)");
        }
        var role = Role.ofWireName(fields[1]).orElseThrow(() -> new IllegalArgumentException("GP_COCKPIT_USERS: unknown role \""
                + fields[1] + "\" in " + fields[0] + "'s entry; use leader, department_head, watcher, analyst or administrator"));
        var scope = AreaCode.parse(fields[2]).orElseThrow(() -> new IllegalArgumentException("GP_COCKPIT_USERS: \""
                + fields[2] + "\" in " + fields[0] + "'s entry is not an area code (6, 9, 12 or 15 digits)"));
        return new CockpitUser(fields[0], role, scope, fields.length == 4 ? fields[3] : null);
    }

    /** Users with plaintext passwords, hashed when first written (for demos and tests). */
    public static CockpitUsers withPasswords(Map<CockpitUser, String> passwordByUser) {
        var map = new LinkedHashMap<String, Account>();
        passwordByUser.forEach((user, password) -> map.put(user.name(), new Account(user, memoized(() -> Passwords.hash(password)))));
        return new CockpitUsers(map);
    }

    /** The value made once, when first asked. */
    static java.util.function.Supplier<String> memoized(java.util.function.Supplier<String> make) {
        var made = new java.util.concurrent.atomic.AtomicReference<String>();
        return () -> made.updateAndGet(h -> h != null ? h : make.get());
    }
    /**
     * One user per role for the demo region, all with the same password: {@code leader} (the whole
     * city 439901), {@code head} (head of 东城街道 439901001, civil affairs 民政: {@code civil_affairs}), {@code watcher}
     * (桃花镇第二社区 439901104002), {@code analyst} (the whole city), {@code admin} (the whole city).
     */
    public static CockpitUsers demo(String password) {
        var users = new LinkedHashMap<CockpitUser, String>();
        for (var user : DEMO_USERS) {
            users.put(user, password);
        }
        return withPasswords(users);
    }

    /**
     * One user per role, as {@link #demo(String)}, for another region: the leader, analyst and administrator over its
     * first root, the head (civil affairs) over that root's first child, the watcher over the first child of that.
     * A county trying GridPulse on its own boundaries signs in before it has written its users.
     */
    public static CockpitUsers demo(String password, Region region) {
        if (region == Region.demo()) {
            return demo(password);
        }
        var root = region.roots().getFirst().code();
        var street = region.children(root).stream().findFirst().map(Area::code).orElse(root);
        var community = region.children(street).stream().findFirst().map(Area::code).orElse(street);
        var users = new LinkedHashMap<CockpitUser, String>();
        users.put(new CockpitUser("leader", Role.LEADER, root, null), password);
        users.put(new CockpitUser("head", Role.DEPARTMENT_HEAD, street, "civil_affairs"), password);
        users.put(new CockpitUser("watcher", Role.WATCHER, community, null), password);
        users.put(new CockpitUser("analyst", Role.ANALYST, root, null), password);
        users.put(new CockpitUser("admin", Role.ADMINISTRATOR, root, null), password);
        return withPasswords(users);
    }

    /** The demo users {@link #demo} creates. */
    public static final List<CockpitUser> DEMO_USERS = List.of(
            new CockpitUser("leader", Role.LEADER, AreaCode.of("439901"), null),
            new CockpitUser("head", Role.DEPARTMENT_HEAD, AreaCode.of("439901001"), "civil_affairs"),
            new CockpitUser("watcher", Role.WATCHER, AreaCode.of("439901104002"), null),
            new CockpitUser("analyst", Role.ANALYST, AreaCode.of("439901"), null),
            new CockpitUser("admin", Role.ADMINISTRATOR, AreaCode.of("439901"), null));

    /** Every user with their hash, in the order configured. */
    public Collection<Account> accounts() {
        return accounts.values();
    }

    /** Every user, without passwords. */
    public Collection<CockpitUser> users() {
        return accounts.values().stream().map(Account::user).toList();
    }

    /** The configuration entry for one user, as {@link #parse} reads it. */
    public static String entry(CockpitUser user, String password) {
        return user.name() + ":" + user.role().wireName() + ":" + user.scope().value()
                + (user.department() == null ? "" : ":" + user.department()) + "=" + Passwords.hash(password);
    }
}
