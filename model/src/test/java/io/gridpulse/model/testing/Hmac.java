package io.gridpulse.model.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 as a receiver of GridPulse's notifications computes it, to check a signature in a test. */
public final class Hmac {
    private Hmac() {
    }

    /** The hex HMAC-SHA256 of {@code text} under {@code secret} (a webhook's {@code sha256=} signature). */
    public static String hex(String secret, String text) {
        return HexFormat.of().formatHex(sha256(secret, text));
    }

    /** The base64 HMAC-SHA256 of {@code text} under {@code secret} (DingTalk's {@code sign}). */
    public static String base64(String secret, String text) {
        return Base64.getEncoder().encodeToString(sha256(secret, text));
    }

    private static byte[] sha256(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
