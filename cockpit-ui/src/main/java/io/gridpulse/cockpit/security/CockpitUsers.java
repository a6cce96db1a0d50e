package io.gridpulse.cockpit.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The people who may sign in to the cockpit, with passwords held as salted PBKDF2 hashes.
 * Roles and area scopes come with the cockpit issue; today every user is a leader of the whole region.
 */
public final class CockpitUsers {
    private static final int ITERATIONS = 210_000;
    private final Map<String, String> hashByUser;

    private CockpitUsers(Map<String, String> hashByUser) {
        this.hashByUser = Map.copyOf(hashByUser);
    }

    /** Parses {@code user=pbkdf2$iterations$salt$hash,...} as {@link #hash} writes it. */
    public static CockpitUsers parse(String spec) {
        var map = new LinkedHashMap<String, String>();
        if (spec != null && !spec.isBlank()) {
            for (var entry : spec.split(",")) {
                var parts = entry.trim().split("=", 2);
                if (parts.length != 2 || !parts[1].startsWith("pbkdf2$")) {
                    throw new IllegalArgumentException("GP_COCKPIT_USERS entries must look like user=pbkdf2$..., got: " + entry.trim());
                }
                map.put(parts[0], parts[1]);
            }
        }
        return new CockpitUsers(map);
    }

    public static CockpitUsers of(Map<String, String> passwordByUser) {
        var map = new LinkedHashMap<String, String>();
        passwordByUser.forEach((user, password) -> map.put(user, hash(password)));
        return new CockpitUsers(map);
    }

    /** The signed-in user name when the password matches. */
    public Optional<String> authenticate(String user, String password) {
        var stored = user == null ? null : hashByUser.get(user);
        if (stored == null || password == null) {
            // spend the same time so that timing does not reveal which names exist
            verify(password == null ? "" : password, DUMMY);
            return Optional.empty();
        }
        return verify(password, stored) ? Optional.of(user) : Optional.empty();
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
