-- One row per feedback event (anonymised): its area, its overall score in [0,1] and its optional
-- per-dimension scores. The satisfaction index is computed from these rows by a named query, so
-- the prior weight and the period are chosen when reading. Keyed by event id: a replay rewrites.
CREATE TABLE IF NOT EXISTS gridpulse.ratings
(
    event_id       String,
    rated_at       DateTime64(3, 'UTC'),
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String),
    channel        LowCardinality(String),
    target_type    LowCardinality(String),
    score          Float64,
    transparency   Nullable(Float64),
    convenience    Nullable(Float64),
    efficiency     Nullable(Float64)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(rated_at)
ORDER BY (county_code, street_code, community_code, grid_code, rated_at, event_id);
