-- Every governance event, once per eventId. A re-sent event is an exact copy with the same
-- sorting key, so ReplacingMergeTree collapses it on merge; readers that must not double count
-- use FINAL or uniqExact(event_id) until the merge has happened.
CREATE DATABASE IF NOT EXISTS gridpulse;

CREATE TABLE IF NOT EXISTS gridpulse.events
(
    event_id       String,
    kind           LowCardinality(String),
    occurred_at    DateTime64(3, 'UTC'),
    ingested_at    DateTime64(3, 'UTC'),
    source         LowCardinality(String),
    grid_code      LowCardinality(String),
    community_code LowCardinality(String),
    street_code    LowCardinality(String),
    county_code    LowCardinality(String),
    lon            Nullable(Float64),
    lat            Nullable(Float64),
    payload        String CODEC(ZSTD(3)),
    INDEX event_id_bloom event_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (county_code, street_code, community_code, grid_code, kind, occurred_at, event_id);
