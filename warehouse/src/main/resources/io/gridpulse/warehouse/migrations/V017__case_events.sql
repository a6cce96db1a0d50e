-- The events of demand cases (every demand step, and ratings of a case), copied on insert into a narrow table
-- of their own with the fields the indicators and the case list read as columns. Demand steps are under 1% of
-- all events and lie scattered among device reports, so reading them from the events table decompressed
-- payloads of millions of rows (the city's local-dispute rate took 1 s at 10 million events).
-- Rows are copies keyed by event_id, as in the events table: a re-sent event is collapsed on merge, and
-- readers count distinct cases, never rows.
CREATE TABLE IF NOT EXISTS gridpulse.case_events
(
    event_id       String,
    kind           LowCardinality(String),
    occurred_at    DateTime64(3, 'UTC'),
    ingested_at    DateTime64(3, 'UTC'),
    case_id        String,
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String),
    demand_type    LowCardinality(String),
    demand_class   LowCardinality(String),
    department     LowCardinality(String),
    to_level       LowCardinality(String),
    payload        String CODEC(ZSTD(3)),
    INDEX case_id_bloom case_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (county_code, street_code, community_code, grid_code, kind, occurred_at, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS gridpulse.case_events_copy TO gridpulse.case_events AS
SELECT event_id, kind, occurred_at, ingested_at, case_id, county_code, street_code, community_code, grid_code,
       JSONExtractString(payload, 'demandType') AS demand_type, JSONExtractString(payload, 'demandClass') AS demand_class,
       JSONExtractString(payload, 'department') AS department, JSONExtractString(payload, 'toLevel') AS to_level, payload
FROM gridpulse.events
WHERE case_id != '';

INSERT INTO gridpulse.case_events
SELECT event_id, kind, occurred_at, ingested_at, case_id, county_code, street_code, community_code, grid_code,
       JSONExtractString(payload, 'demandType'), JSONExtractString(payload, 'demandClass'),
       JSONExtractString(payload, 'department'), JSONExtractString(payload, 'toLevel'), payload
FROM gridpulse.events
WHERE case_id != '';
