package io.gridpulse.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys the edge accepts, held only as SHA-256 hashes: a leaked configuration or heap dump
 * does not reveal a usable key. Keys are long random strings, so an unsalted hash is enough.
 */
public final class ApiKeys {
    private final Map<String, String> clientByHash;

    private ApiKeys(Map<String, String> clientByHash) {
        this.clientByHash = Map.copyOf(clientByHash);
    }

    /** Parses {@code client=sha256hex,client2=sha256hex}; an empty spec accepts no key at all. */
    public static ApiKeys parse(String spec) {
        var map = new LinkedHashMap<String, String>();
        if (spec != null && !spec.isBlank()) {
            for (var entry : spec.split(",")) {
                var parts = entry.trim().split("=", 2);
                if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(
                            "GP_API_KEYS entries must look like client=<sha256 of the key in lowercase hex>, got: " + entry.trim());
                }
                map.put(parts[1], parts[0]);
            }
        }
        return new ApiKeys(map);
    }

    public static ApiKeys of(Map<String, String> clientByKey) {
        var map = new LinkedHashMap<String, String>();
        clientByKey.forEach((client, key) -> map.put(hash(key), client));
        return new ApiKeys(map);
    }

    /** The client a presented key belongs to, if any; the comparison runs in constant time per entry. */
    public Optional<String> clientFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        var presented = HexFormat.of().parseHex(hash(presentedKey));
        String found = null;
        for (var e : clientByHash.entrySet()) {
            if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(e.getKey()))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    public static String hash(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A new random key: 32 bytes, URL-safe base64, prefixed so that leaked keys are easy to scan for. */
    public static String generate() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "gpk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
