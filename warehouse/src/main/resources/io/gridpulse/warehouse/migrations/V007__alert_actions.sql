-- What people did about alerts: acknowledged, assigned, commented, escalated. Append-only, one row
-- per action with a client-made id (a retried action collapses), the alert's area copied in so that
-- scoped readers filter without a join. The history is the trail; the latest state is derived.
CREATE TABLE IF NOT EXISTS gridpulse.alert_actions
(
    action_id      String,
    alert_id       String,
    action         LowCardinality(String),
    actor          String,
    assignee       String,
    comment        String,
    at             DateTime64(3, 'UTC'),
    county_code    LowCardinality(String),
    street_code    LowCardinality(String),
    community_code LowCardinality(String),
    grid_code      LowCardinality(String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (county_code, street_code, alert_id, at, action_id);
