package io.gridpulse.cockpit.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as they are kept ({@code pbkdf2$iterations$salt$hash}: PBKDF2-HMAC-SHA256, a 16-byte salt, 256 bits) and
 * the rule a chosen password must meet. {@value #ITERATIONS} iterations is OWASP's figure for PBKDF2-SHA256 (Password
 * Storage Cheat Sheet, 2023); a stored hash with fewer is rehashed at the next sign-in, a configured one is refused.
 */
public final class Passwords {
    /** Iterations of every new hash, and the fewest a configured hash may have. */
    public static final int ITERATIONS = 600_000;
    /** The shortest password a person may choose. */
    public static final int MIN_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/l/I). */
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Passwords() {}

    public static String hash(String password) {
        var salt = new byte[16];
        RANDOM.nextBytes(salt);
        var enc = Base64.getEncoder().withoutPadding();
        return "pbkdf2$" + ITERATIONS + "$" + enc.encodeToString(salt) + "$" + enc.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the password matches the stored hash; false for a hash that is not in the format above. */
    public static boolean verify(String password, String stored) {
        var parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
            return false;
        }
        try {
            var dec = Base64.getDecoder();
            var iterations = Integer.parseInt(parts[1]);
            return iterations > 0 && MessageDigest.isEqual(dec.decode(parts[3]), derive(password, dec.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The iterations a stored hash was made with; 0 when it is not a hash of this format. */
    public static int iterations(String stored) {
        var parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Why a password a person chose for themselves may not be used (translation keys of {@code password.rule.*}), empty
     * when it may: at least {@value #MIN_LENGTH} characters, three of the four kinds (lower case, upper case, digits,
     * others) as the graded protection scheme's practice asks, and not the user's name.
     */
    public static List<String> weaknesses(String password, String userName) {
        var why = new ArrayList<String>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            why.add("password.rule.length");
            return why;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (kinds < 3) {
            why.add("password.rule.kinds");
        }
        if (userName != null && !userName.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(userName.toLowerCase(Locale.ROOT))) {
            why.add("password.rule.name");
        }
        return why;
    }

    /**
     * A one-time password for a new account or a reset, to be changed at the first sign-in: 16 readable characters
     * (about 92 bits) that always meet {@link #weaknesses}, as the form shows them once.
     */
    public static String temporary() {
        while (true) {
            var chars = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                chars.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
                if (i == 7) {
                    chars.append('-');
                }
            }
            var candidate = chars.toString();
            if (weaknesses(candidate, null).isEmpty()) {
                return candidate;
            }
        }
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
