-- The case an event belongs to, kept beside the payload so that a case's timeline is read by a bloom
-- filter lookup instead of a JSON scan of the area: demand steps carry it as caseId, a rating of a
-- case as its target. Computed on insert; older parts compute it on read until they merge.
ALTER TABLE gridpulse.events ADD COLUMN IF NOT EXISTS case_id String MATERIALIZED
    multiIf(JSONExtractString(payload, 'caseId') != '', JSONExtractString(payload, 'caseId'),
            JSONExtractString(payload, 'target', 'type') = 'case', JSONExtractString(payload, 'target', 'id'), '');

ALTER TABLE gridpulse.events ADD INDEX IF NOT EXISTS case_id_bloom case_id TYPE bloom_filter GRANULARITY 4;
