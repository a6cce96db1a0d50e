-- Heatmap counts: events per layer (demand, visit, ticket, alarm, rating), subject (demand type,
-- visit type ...), area and H3 cell (resolution 9; coarser cells by h3ToParent) in one-minute
-- event-time buckets. The stream jobs write a bucket's FULL count each time it changes, so the
-- count is its own version: a replay after a restart rewrites the same rows, a late event raises
-- the right bucket, and FINAL shows each bucket once with its highest count.
CREATE TABLE IF NOT EXISTS gridpulse.heat_minutes
(
    layer          LowCardinality(String),
    subject        LowCardinality(String),
    bucket         DateTime('UTC'),
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String),
    h3_cell        UInt64,
    events         UInt64
)
ENGINE = ReplacingMergeTree(events)
PARTITION BY toYYYYMM(bucket)
ORDER BY (layer, county_code, street_code, community_code, grid_code, subject, h3_cell, bucket);
