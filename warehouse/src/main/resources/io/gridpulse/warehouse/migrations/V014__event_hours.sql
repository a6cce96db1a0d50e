-- Distinct events per area, kind and hour: what the wall's counters, the map's figures and the week's trend
-- read, so that they add up a few thousand rows instead of counting millions of events. The stream jobs
-- write an hour's FULL count each time it changes (the count is its own version, as in heat_minutes), so a
-- replay from a checkpoint rewrites the same rows and FINAL keeps each hour once with its highest count.
-- EventHours.recount writes the same full counts from the events table: it fills the hours stored before
-- this table existed (below) and may be run again at any time without doubling anything.
CREATE TABLE IF NOT EXISTS gridpulse.event_hours
(
    hour           DateTime('UTC'),
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String),
    kind           LowCardinality(String),
    events         UInt64
)
ENGINE = ReplacingMergeTree(events)
PARTITION BY toYYYYMM(hour)
ORDER BY (county_code, street_code, community_code, grid_code, kind, hour);

INSERT INTO gridpulse.event_hours (hour, county_code, street_code, community_code, grid_code, kind, events)
SELECT toStartOfHour(occurred_at, 'UTC'), county_code, street_code, community_code, grid_code, kind, uniqExact(event_id)
FROM gridpulse.events
GROUP BY toStartOfHour(occurred_at, 'UTC'), county_code, street_code, community_code, grid_code, kind;
