-- The priority population groups (elderly_alone, left_behind_child, disabled ...) of the household an event is
-- about, as the household registry listed them when the stream jobs passed the event on: a visit names its
-- household, a demand its resident, a wristband's telemetry its device, and the registry ties each to a household.
-- Written by the stream jobs with the row, so that the cockpit filters heat, cases and breaches by group without
-- a join; rows written before this column existed, and events that name no such household, read as empty.
ALTER TABLE gridpulse.events ADD COLUMN IF NOT EXISTS population_groups Array(LowCardinality(String)) DEFAULT [];
