-- Inputs that could not become events, with the reason, kept for 90 days.
CREATE TABLE IF NOT EXISTS gridpulse.dead_letters
(
    event_id    String,
    received_at DateTime64(3, 'UTC'),
    source      LowCardinality(String),
    reason      String,
    payload     String CODEC(ZSTD(3))
)
ENGINE = MergeTree
ORDER BY received_at
TTL toDateTime(received_at) + INTERVAL 90 DAY;
