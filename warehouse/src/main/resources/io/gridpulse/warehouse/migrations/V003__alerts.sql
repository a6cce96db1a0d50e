-- Alerts raised by the stream jobs (SLA warnings, breaches, escalations; later device alerts).
-- One row per alert id; an alert that is cleared is written again with the same id, status
-- 'cleared' and a higher version, so FINAL shows each alert once in its latest state. Ids are
-- deterministic (case, policy, round, stage), so a replay after a restart rewrites the same rows.
CREATE TABLE IF NOT EXISTS gridpulse.alerts
(
    alert_id       String,
    kind           LowCardinality(String),
    severity       LowCardinality(String),
    status         LowCardinality(String),
    case_id        String,
    policy_id      LowCardinality(String),
    level          UInt8,
    deadline       Nullable(DateTime64(3, 'UTC')),
    raised_at      DateTime64(3, 'UTC'),
    cleared_at     Nullable(DateTime64(3, 'UTC')),
    grid_code      LowCardinality(String),
    community_code LowCardinality(String),
    street_code    LowCardinality(String),
    county_code    LowCardinality(String),
    detail         String,
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(raised_at)
ORDER BY (county_code, street_code, alert_id);
