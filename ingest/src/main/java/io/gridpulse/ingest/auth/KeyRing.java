package io.gridpulse.ingest.auth;

import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.warehouse.keys.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The keys in force: the fixed ones of the configuration, those of a key file, which is read
 * again whenever it changes, so that adding or revoking a key ({@code "revoked": true}, or removing
 * it) takes effect within seconds without a restart, and those an administrator manages on the cockpit's
 * keys page (the warehouse's {@code api_keys}), read again whenever their version moves. A file that stops
 * parsing, or a warehouse that does not answer, leaves the last good keys in force and is reported.
 * A managed key whose client the configuration names already is left out, with a warning.
 */
public final class KeyRing implements Keys {
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final ApiKeys fixed;
    private final Path file;
    private final ApiKeyStore store;
    private volatile ApiKeys current;
    private FileTime readAt;
    private ApiKeys fromFile = ApiKeys.parse("");
    private ApiKeys managed = ApiKeys.parse("");
    private long storeVersion = -1;

    /**
     * @param fixed the keys that are always accepted
     * @param file  a key file to follow, or null
     * @param store the managed keys to follow, or null
     * @throws IllegalArgumentException when the file is there but wrong at start: better not to start than to run without its keys
     */
    public KeyRing(ApiKeys fixed, Path file, ApiKeyStore store) {
        this.fixed = fixed;
        this.file = file;
        this.store = store;
        this.current = fixed;
        if (file != null) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("the key file " + file + " does not exist");
            }
            if (!refreshFile()) {
                throw new IllegalArgumentException("the key file " + file + " could not be read; see the log");
            }
        }
        refreshStore();
        combine();
    }

    /** Whether keys can change while the edge runs (a key file or managed keys), so that {@link #refresh} is worth calling. */
    @Override
    public boolean follows() {
        return file != null || store != null;
    }

    @Override
    public Optional<KeyGrant> grantFor(String presentedKey) {
        return current.grantFor(presentedKey);
    }

    /** Reads the file and the managed keys again where they changed since the last read (blocking I/O); false when the file is wrong. */
    @Override
    public synchronized void refresh() {
        refreshKeys();
    }

    /** As {@link #refresh}, telling whether the file is usable. */
    public synchronized boolean refreshKeys() {
        var fileOk = refreshFile();
        var changed = fileChanged | refreshStore();
        if (changed) {
            combine();
        }
        fileChanged = false;
        return fileOk;
    }

    private boolean fileChanged;

    private boolean refreshFile() {
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
            fixed.and(read);   // a client named both in the file and in the fixed keys makes the file unusable
            fromFile = read;
            fileChanged = true;
            log.info("API keys: {} from {}", fromFile.size(), file);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            log.error("API keys: {} is not usable, the previous keys stay in force: {}", file, e.getMessage());
            return false;
        }
    }

    /** Reads the managed keys when their version moved; true when they were read. */
    private boolean refreshStore() {
        if (store == null) {
            return false;
        }
        try {
            var version = store.version();
            if (version == storeVersion) {
                return false;
            }
            managed = ApiKeys.managed(store.all());
            storeVersion = version;
            log.info("API keys: {} managed on the cockpit's keys page", managed.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("API keys: the managed keys could not be read, the previous ones stay in force: {}", e.toString());
            return false;
        }
    }

    private void combine() {
        var configured = fixed.and(fromFile);
        var all = configured.andUnnamed(managed);
        if (!all.getValue().isEmpty()) {
            log.warn("API keys: managed keys of {} are left out: the configuration names these clients already", all.getValue());
        }
        current = all.getKey();
    }
}
