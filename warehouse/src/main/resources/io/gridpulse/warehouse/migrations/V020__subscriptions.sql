-- Who wants alerts delivered off-screen, and where. One row per change of a subscription: the newest version wins
-- (ReplacingMergeTree), a deletion is a row with deleted = 1. The secret is stored encrypted (AES-GCM), never plain.
CREATE TABLE IF NOT EXISTS gridpulse.subscriptions
(
    subscription_id  String,
    owner            String,
    channel          LowCardinality(String),
    url              String,
    secret_sealed    String,
    areas            Array(String),
    kinds            Array(LowCardinality(String)),
    min_severity     LowCardinality(String),
    created_at       DateTime64(3, 'UTC'),
    deleted          UInt8,
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY subscription_id;

-- Every attempt to deliver an alert's notification to a subscription, and how it ended: delivered, failed (to be
-- retried), or given up (a dead letter). A delivered row for (subscription, alert, status) means it is not sent again.
CREATE TABLE IF NOT EXISTS gridpulse.deliveries
(
    subscription_id  String,
    channel          LowCardinality(String),
    target           String,
    alert_id         String,
    alert_status     LowCardinality(String),
    attempt          UInt16,
    outcome          LowCardinality(String),
    http_status      UInt16,
    error            String,
    at               DateTime64(3, 'UTC'),
    duration_ms      UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (alert_id, subscription_id, at);
