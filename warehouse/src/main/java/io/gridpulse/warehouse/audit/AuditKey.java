package io.gridpulse.warehouse.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What makes the audit log hard to rewrite by someone who can write its table but not the installation's secrets: the
 * key its chain is made with (HMAC-SHA256; without it nobody can compute a row's hash, so a deleted or edited row
 * cannot be covered by re-chaining the rest), and the file its head is published to regularly (outside the database,
 * so cutting the newest rows shows).
 *
 * @param key   the chain's key, derived from the installation's master key (GP_PSEUDONYM_KEY)
 * @param heads the file the head (sequence and hash) is appended to, or null
 */
public record AuditKey(byte[] key, Path heads) {
    public AuditKey {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("the audit chain's key must be at least 16 bytes");
        }
        key = Arrays.copyOf(key, key.length);
    }

    /** The audit key of a master key: HMAC-SHA256 of a purpose label, so it cannot be turned into the master key. */
    public static AuditKey derive(byte[] masterKey, Path heads) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return new AuditKey(mac.doFinal("gridpulse audit chain".getBytes(StandardCharsets.UTF_8)), heads);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
