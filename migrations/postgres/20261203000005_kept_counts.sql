-- Issue 23: counts a read would otherwise make by scanning records, kept with the sums.
-- line_sums.records: the records with a line naming the source or a source below it, so that a
-- list filtered by source counts from the sums. indicator_definitions.records: the records that
-- give the indicator, so that the indicators read is the kept sums and a page of values.
ALTER TABLE line_sums ADD COLUMN records BIGINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_definitions ADD COLUMN records BIGINT NOT NULL DEFAULT 0;

-- What was stored before: counted once, here.
WITH RECURSIVE below (source, descendant) AS (
    SELECT key, key FROM funding_sources
    UNION ALL
    SELECT b.source, f.key FROM below b JOIN funding_sources f ON f.parent = b.descendant
)
UPDATE line_sums SET records = (
    SELECT COUNT(*) FROM scheme_records r
    WHERE r.programme_id = line_sums.programme_id AND r.activity = line_sums.activity AND r.scope = line_sums.scope
      AND EXISTS (SELECT 1 FROM funding_lines l JOIN below b ON b.descendant = l.source
                  WHERE l.programme_id = r.programme_id AND l.scheme_id = r.id AND b.source = line_sums.source)
);
UPDATE indicator_definitions SET records = (
    SELECT COUNT(*) FROM indicators i
    WHERE i.programme_id = indicator_definitions.programme_id AND i.key = indicator_definitions.key
);
