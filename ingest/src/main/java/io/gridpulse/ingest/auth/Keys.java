package io.gridpulse.ingest.auth;

import io.gridpulse.model.keys.KeyGrant;

import java.util.Optional;

/** Where a presented key is looked up: a fixed set ({@link ApiKeys}) or one that follows its sources ({@link KeyRing}). */
public interface Keys {
    /** The grant of the key, empty when it is unknown or revoked. */
    Optional<KeyGrant> grantFor(String presentedKey);

    /** Reads the sources again where they changed (blocking I/O); a fixed set has nothing to read. */
    default void refresh() {}

    /** Whether {@link #refresh} can change anything. */
    default boolean follows() {
        return false;
    }
}
