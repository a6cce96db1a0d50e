package io.gridpulse.standalone;

import io.gridpulse.ingest.auth.ApiKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo's secrets, made once and kept under {@code data/secrets} (owner-only): the pseudonym
 * key must stay the same across restarts, or the same resident would get a new pseudonym.
 * Production passes them in environment variables instead (GP_PSEUDONYM_KEY, GP_API_KEYS, GP_COCKPIT_USERS).
 */
final class Secrets {
    private final Path dir;

    Secrets(Path dataDir) throws IOException {
        this.dir = dataDir.resolve("secrets");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    byte[] pseudonymKey(String fromEnv) throws IOException {
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Base64.getDecoder().decode(fromEnv.trim());
        }
        return Base64.getDecoder().decode(readOrCreate("pseudonym.key", () -> {
            var key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }));
    }

    /** Where the audit log's head is published: beside the keys, outside the database. */
    Path auditHeads() {
        return dir.resolve("audit-heads.log");
    }

    String demoApiKey() throws IOException {
        return readOrCreate("demo-api-key", ApiKeys::generate);
    }

    String demoDeviceKey() throws IOException {
        return readOrCreate("demo-device-key", ApiKeys::generate);
    }

    String demoPassword() throws IOException {
        return readOrCreate("demo-password", () -> {
            var bytes = new byte[9];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    private String readOrCreate(String name, java.util.function.Supplier<String> create) throws IOException {
        var file = dir.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        var value = create.get();
        var tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, value, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return value;
    }
}
