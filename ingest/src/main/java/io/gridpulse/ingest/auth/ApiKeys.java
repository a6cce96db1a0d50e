package io.gridpulse.ingest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.model.keys.Right;
import io.gridpulse.warehouse.keys.ApiKeyRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys the edge accepts, held only as SHA-256 hashes: a leaked configuration or heap dump
 * does not reveal a usable key. Keys are long random strings, so an unsalted hash is enough. Each
 * key carries a {@link KeyGrant}: its rights, areas, event kinds and rate.
 */
public final class ApiKeys implements Keys {
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA256_PROTOTYPE = sha256();

    private final List<Entry> entries;

    private record Entry(byte[] hash, KeyGrant grant) { }

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        var clients = new HashSet<String>();
        for (var e : entries) {
            if (!clients.add(e.grant().client())) {
                throw new IllegalArgumentException("two keys name the same client " + e.grant().client()
                        + ": give each terminal, device or integration its own name");
            }
        }
    }

    /**
     * Parses {@code client=sha256hex,client2=sha256hex} (GP_API_KEYS), each an unrestricted key; an
     * empty spec accepts no key at all.
     */
    public static ApiKeys parse(String spec) {
        var entries = new ArrayList<Entry>();
        if (spec != null && !spec.isBlank()) {
            for (var entry : spec.split(",")) {
                var parts = entry.trim().split("=", 2);
                if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException(
                            "GP_API_KEYS entries must look like client=<sha256 of the key in lowercase hex>, got: " + entry.trim());
                }
                entries.add(new Entry(HEX.parseHex(parts[1]), KeyGrant.unrestricted(parts[0])));
            }
        }
        return new ApiKeys(entries);
    }

    /** Unrestricted keys, given in the clear (tests and the embedded default's generated key). */
    public static ApiKeys of(Map<String, String> clientByKey) {
        var grants = new LinkedHashMap<String, KeyGrant>();
        clientByKey.forEach((client, key) -> grants.put(key, KeyGrant.unrestricted(client)));
        return ofGrants(grants);
    }

    /** Keys given in the clear with their grants. */
    public static ApiKeys ofGrants(Map<String, KeyGrant> grantByKey) {
        var entries = new ArrayList<Entry>();
        grantByKey.forEach((key, grant) -> entries.add(new Entry(digest(key), grant)));
        return new ApiKeys(entries);
    }

    /** The managed keys that are not revoked (the cockpit's keys page). */
    public static ApiKeys managed(List<ApiKeyRecord> records) {
        var entries = new ArrayList<Entry>();
        for (var r : records) {
            if (!r.revoked()) {
                entries.add(new Entry(HEX.parseHex(r.sha256()), r.grant()));
            }
        }
        return new ApiKeys(entries);
    }

    /**
     * These keys and those of another set whose clients these do not name already; the others are left out (a managed
     * key never shadows one of the configuration).
     *
     * @return the combination, and the clients left out
     */
    public java.util.Map.Entry<ApiKeys, List<String>> andUnnamed(ApiKeys other) {
        var all = new ArrayList<>(entries);
        var named = clients();
        var left = new ArrayList<String>();
        for (var e : other.entries) {
            if (named.contains(e.grant().client())) {
                left.add(e.grant().client());
            } else {
                all.add(e);
            }
        }
        return java.util.Map.entry(new ApiKeys(all), List.copyOf(left));
    }

    /** These keys and those of another set; a client named in both is refused. */
    public ApiKeys and(ApiKeys other) {
        var all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new ApiKeys(all);
    }

    /**
     * Reads a key file (GP_API_KEYS_FILE): {@code {"keys":[{"client":"terminal-7","sha256":"<hex>",
     * "rights":["write"],"areas":["439901001"],"kinds":["household_visit"],"perSecond":50,"burst":200,
     * "revoked":false}]}}. Only client and sha256 are required; a missing list means no limit, a
     * missing rights list means all rights. Revoked keys are left out.
     *
     * @throws IllegalArgumentException naming the file, the key's index and the field when the file is wrong
     */
    public static ApiKeys read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        var keys = root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException(file + ": must be an object with a \"keys\" array");
        }
        var entries = new ArrayList<Entry>();
        for (int i = 0; i < keys.size(); i++) {
            var where = file + ": /keys/" + i;
            var k = keys.get(i);
            if (!k.isObject()) {
                throw new IllegalArgumentException(where + ": must be an object");
            }
            var client = text(k, "client", where);
            var hash = text(k, "sha256", where);
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + "/sha256: must be the SHA-256 of the key in lowercase hex");
            }
            if (k.path("revoked").asBoolean(false)) {
                continue;
            }
            var rights = EnumSet.noneOf(Right.class);
            if (k.has("rights")) {
                for (var r : list(k, "rights", where)) {
                    rights.add(Right.fromWire(r).orElseThrow(() -> new IllegalArgumentException(
                            where + "/rights: unknown right '" + r + "'; use write, read, metrics or keys")));
                }
            } else {
                rights = EnumSet.allOf(Right.class);
            }
            var areas = new ArrayList<AreaCode>();
            for (var a : k.has("areas") ? list(k, "areas", where) : List.<String>of()) {
                areas.add(AreaCode.parse(a).orElseThrow(() -> new IllegalArgumentException(
                        where + "/areas: '" + a + "' is not an area code")));
            }
            var kinds = new HashSet<EventKind>();
            for (var name : k.has("kinds") ? list(k, "kinds", where) : List.<String>of()) {
                kinds.add(EventKind.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                        where + "/kinds: unknown event kind '" + name + "'")));
            }
            double perSecond = k.path("perSecond").asDouble(KeyGrant.DEFAULT_PER_SECOND);
            int burst = k.path("burst").asInt(KeyGrant.DEFAULT_BURST);
            try {
                entries.add(new Entry(HEX.parseHex(hash), new KeyGrant(client, rights, areas, kinds, perSecond, burst)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        try {
            return new ApiKeys(entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** The grant of a presented key, if it is known; the comparison runs in constant time per entry. */
    @Override
    public Optional<KeyGrant> grantFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        var presented = digest(presentedKey);
        KeyGrant found = null;
        for (var e : entries) {
            if (MessageDigest.isEqual(presented, e.hash())) {
                found = e.grant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The client a presented key belongs to, if any. */
    public Optional<String> clientFor(String presentedKey) {
        return grantFor(presentedKey).map(KeyGrant::client);
    }

    /** How many keys are accepted. */
    public int size() {
        return entries.size();
    }

    public static String hash(String key) {
        return HEX.formatHex(digest(key));
    }

    private static byte[] digest(String key) {
        try {
            // cloning a prototype skips the provider lookup of getInstance on every request
            return ((MessageDigest) SHA256_PROTOTYPE.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            return sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String text(JsonNode k, String field, String where) {
        var v = k.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new IllegalArgumentException(where + "/" + field + ": is required and must be a non-empty string");
        }
        return v.textValue();
    }

    private static List<String> list(JsonNode k, String field, String where) {
        var v = k.get(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException(where + "/" + field + ": must be an array of strings");
        }
        var out = new ArrayList<String>();
        for (var item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(where + "/" + field + ": must be an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** A new random key ({@link KeyMaterial#generate}). */
    public static String generate() {
        return KeyMaterial.generate();
    }

    Set<String> clients() {
        var out = new HashSet<String>();
        entries.forEach(e -> out.add(e.grant().client()));
        return out;
    }
}
