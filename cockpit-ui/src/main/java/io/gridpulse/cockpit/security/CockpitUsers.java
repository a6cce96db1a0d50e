package io.gridpulse.cockpit.security;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The people who may sign in to the cockpit: each with a role, an area scope, optionally a
 * department, and a password held as a salted PBKDF2 hash.
 *
 * <p>Configuration ({@code GP_COCKPIT_USERS}): comma-separated entries
 * {@code name:role:areaCode[:department]=pbkdf2$iterations$salt$hash}, e.g.
 * {@code zhang:department_head:439901001:civil_affairs=pbkdf2$210000$...} (the department by the code
 * the case events carry in {@code demand.assigned}). Roles are {@code leader},
 * {@code department_head}, {@code watcher}, {@code analyst}, {@code administrator}.
 */
public final class CockpitUsers {
    private static final int ITERATIONS = 210_000;

    private final Map<String, Account> accounts;

    private record Account(CockpitUser user, String hash) {
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
                if (map.put(user.name(), new Account(user, parts[1])) != null) {
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
        var role = Role.ofWireName(fields[1]).orElseThrow(() -> new IllegalArgumentException("GP_COCKPIT_USERS: unknown role \""
                + fields[1] + "\" in " + fields[0] + "'s entry; use leader, department_head, watcher, analyst or administrator"));
        var scope = AreaCode.parse(fields[2]).orElseThrow(() -> new IllegalArgumentException("GP_COCKPIT_USERS: \""
                + fields[2] + "\" in " + fields[0] + "'s entry is not an area code (6, 9, 12 or 15 digits)"));
        return new CockpitUser(fields[0], role, scope, fields.length == 4 ? fields[3] : null);
    }

    /** Users with plaintext passwords, hashed here (for demos and tests). */
    public static CockpitUsers withPasswords(Map<CockpitUser, String> passwordByUser) {
        var map = new LinkedHashMap<String, Account>();
        passwordByUser.forEach((user, password) -> map.put(user.name(), new Account(user, hash(password))));
        return new CockpitUsers(map);
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

    /** The user when the password matches. */
    public Optional<CockpitUser> authenticate(String name, String password) {
        var account = name == null ? null : accounts.get(name);
        if (account == null || password == null) {
            // spend the same time so that timing does not reveal which names exist
            verify(password == null ? "" : password, DUMMY);
            return Optional.empty();
        }
        return verify(password, account.hash()) ? Optional.of(account.user()) : Optional.empty();
    }

    /** Every user, without passwords. */
    public Collection<CockpitUser> users() {
        return accounts.values().stream().map(Account::user).toList();
    }

    /** The configuration entry for one user, as {@link #parse} reads it. */
    public static String entry(CockpitUser user, String password) {
        return user.name() + ":" + user.role().wireName() + ":" + user.scope().value()
                + (user.department() == null ? "" : ":" + user.department()) + "=" + hash(password);
    }

    public static String hash(String password) {
        var salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        var enc = Base64.getEncoder().withoutPadding();
        return "pbkdf2$" + ITERATIONS + "$" + enc.encodeToString(salt) + "$" + enc.encodeToString(derive(password, salt, ITERATIONS));
    }

    private static final String DUMMY = hash("not a password");

    private static boolean verify(String password, String stored) {
        var parts = stored.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        var dec = Base64.getDecoder();
        var expected = dec.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, dec.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
