-- The population groups of the resident an event is about (V015's column of the events), copied into case_events
-- too, so that the case list reads only this narrow copy of the demand steps and never the events table: on 10 M
-- synthetic events the county's 7-day case list took 300-430 ms from the events and about 100 ms from the copy,
-- a street's open breaches 40-90 ms and 15-40 ms.
-- The copying view gets the column in place (ALTER TABLE ... MODIFY QUERY, made for a view with a TO table: the
-- ingestion is not interrupted). The rows copied before have no groups, so the copy is refilled from the events:
-- an event inserted before the refill reads the events is in them, a later one goes through the view (one inserted
-- in between is copied twice; the copies are identical and collapse on merge, and readers count distinct cases).
ALTER TABLE gridpulse.case_events ADD COLUMN IF NOT EXISTS population_groups Array(LowCardinality(String)) DEFAULT [];

ALTER TABLE gridpulse.case_events_copy MODIFY QUERY
SELECT event_id, kind, occurred_at, ingested_at, case_id, county_code, street_code, community_code, grid_code,
       JSONExtractString(payload, 'demandType') AS demand_type, JSONExtractString(payload, 'demandClass') AS demand_class,
       JSONExtractString(payload, 'department') AS department, JSONExtractString(payload, 'toLevel') AS to_level, payload,
       population_groups
FROM gridpulse.events
WHERE case_id != '';

TRUNCATE TABLE gridpulse.case_events;

INSERT INTO gridpulse.case_events (event_id, kind, occurred_at, ingested_at, case_id, county_code, street_code,
                                   community_code, grid_code, demand_type, demand_class, department, to_level, payload,
                                   population_groups)
SELECT event_id, kind, occurred_at, ingested_at, case_id, county_code, street_code, community_code, grid_code,
       JSONExtractString(payload, 'demandType'), JSONExtractString(payload, 'demandClass'),
       JSONExtractString(payload, 'department'), JSONExtractString(payload, 'toLevel'), payload, population_groups
FROM gridpulse.events
WHERE case_id != '';
