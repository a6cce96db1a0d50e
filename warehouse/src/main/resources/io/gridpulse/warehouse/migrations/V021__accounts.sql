-- The people who may sign in to the cockpit, kept by the system and managed on its users page (the environment's
-- GP_COCKPIT_USERS only seeds it). One row per change of an account: the newest version wins (ReplacingMergeTree).
-- Passwords are salted PBKDF2 hashes, never plain; a second factor's TOTP secret is sealed (AES-GCM), with the time
-- step of the last code accepted (a code is never accepted twice); who changed what is also in the audit log.
CREATE TABLE IF NOT EXISTS gridpulse.accounts
(
    name            String,
    role            LowCardinality(String),
    scope           String,
    department      String,
    password_hash   String,
    disabled        UInt8,
    must_change     UInt8,
    totp_sealed     String,
    totp_step       Int64,
    changed_by      String,
    changed_at      DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY name;
