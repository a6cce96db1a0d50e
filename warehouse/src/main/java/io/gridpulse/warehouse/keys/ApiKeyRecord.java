package io.gridpulse.warehouse.keys;

import io.gridpulse.model.keys.KeyGrant;

import java.time.Instant;
import java.util.Objects;

/**
 * One managed API key as it is kept: what it may do, the SHA-256 of the key, and who made and last changed it.
 *
 * @param sha256  the key's SHA-256 in lowercase hex; the key itself is never stored
 * @param revoked whether the key is no longer accepted
 */
public record ApiKeyRecord(KeyGrant grant, String sha256, boolean revoked, String createdBy, Instant createdAt,
                           String changedBy, Instant changedAt) {
    public ApiKeyRecord {
        Objects.requireNonNull(grant, "grant");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a key is kept as its SHA-256 in lowercase hex");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public String client() {
        return grant.client();
    }
}
