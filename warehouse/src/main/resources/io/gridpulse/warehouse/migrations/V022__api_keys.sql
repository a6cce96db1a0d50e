-- The API keys an administrator manages on the cockpit's keys page, beside the key file (GP_API_KEYS_FILE) that stays
-- as a bootstrap. One row per change of a key: the newest version wins (ReplacingMergeTree). Only the SHA-256 of a
-- key is kept; the key itself is shown once, when it is made. A revoked key keeps its row, and its client name.
CREATE TABLE IF NOT EXISTS gridpulse.api_keys
(
    client          String,
    sha256          String,
    rights          Array(LowCardinality(String)),
    areas           Array(String),
    kinds           Array(LowCardinality(String)),
    per_second      Float64,
    burst           UInt32,
    revoked         UInt8,
    created_by      String,
    created_at      DateTime64(3, 'UTC'),
    changed_by      String,
    changed_at      DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY client;
