package io.gridpulse.model.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys as they are made and kept: 32 random bytes, URL-safe base64 behind a {@code gpk_} prefix (so that a leaked
 * key is easy to scan for), stored only as the SHA-256 of the key in lowercase hex. A key is long and random, so an
 * unsalted hash is enough: a leaked table or heap dump reveals no usable key.
 */
public final class KeyMaterial {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    /** A new key, to be shown once to whoever asked for it. */
    public static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "gpk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a key in lowercase hex, as key files and the key table hold it. */
    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
