-- Who viewed, exported or signed in to what, as a hash chain: each row's hash is SHA-256 over the
-- previous row's hash and the row itself (see io.gridpulse.warehouse.audit.AuditChain), so an edited,
-- removed or inserted row breaks every hash after it. Rows are only ever appended.
CREATE TABLE IF NOT EXISTS gridpulse.audit_log
(
    seq       UInt64,
    at        DateTime64(3, 'UTC'),
    user_name String,
    action    LowCardinality(String),
    target    String,
    prev_hash String,
    hash      String
)
ENGINE = MergeTree
ORDER BY seq;
