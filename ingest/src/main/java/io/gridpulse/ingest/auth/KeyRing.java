package io.gridpulse.ingest.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The keys in force: the fixed ones of the configuration plus those of a key file, which is read
 * again whenever it changes, so that adding or revoking a key ({@code "revoked": true}, or removing
 * it) takes effect within seconds without a restart. A file that stops parsing leaves the last good
 * keys in force and is reported once per change.
 */
public final class KeyRing {
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final ApiKeys fixed;
    private final Path file;
    private volatile ApiKeys current;
    private FileTime readAt;

    /**
     * @param fixed the keys that are always accepted
     * @param file  a key file to follow, or null
     * @throws IllegalArgumentException when the file is there but wrong at start: better not to start than to run without its keys
     */
    public KeyRing(ApiKeys fixed, Path file) {
        this.fixed = fixed;
        this.file = file;
        this.current = fixed;
        if (file != null) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("the key file " + file + " does not exist");
            }
            if (!refresh()) {
                throw new IllegalArgumentException("the key file " + file + " could not be read; see the log");
            }
        }
    }

    public Optional<KeyGrant> grantFor(String presentedKey) {
        return current.grantFor(presentedKey);
    }

    /** Reads the file again if it changed since the last read (blocking I/O); false when it is wrong. */
    public synchronized boolean refresh() {
        if (file == null) {
            return true;
        }
        try {
            var modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return true;
            }
            readAt = modified;
            var read = ApiKeys.read(file);
            current = fixed.and(read);
            log.info("API keys: {} from {} and {} fixed", read.size(), file, fixed.size());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            log.error("API keys: {} is not usable, the previous keys stay in force: {}", file, e.getMessage());
            return false;
        }
    }
}
