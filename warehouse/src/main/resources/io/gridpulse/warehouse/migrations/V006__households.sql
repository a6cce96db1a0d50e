-- The registry of households (pseudonymous ids, no names or ID numbers): the denominators of visit
-- coverage and of the priority groups' visit compliance. A new registry replaces the old one: rows
-- of the same household collapse to the highest version.
CREATE TABLE IF NOT EXISTS gridpulse.households
(
    household_id   String,
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String),
    residents      UInt16,
    aged_60_plus   UInt16,
    groups         Array(LowCardinality(String)),
    version        UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (county_code, street_code, community_code, grid_code, household_id);
