-- Issue 29: each programme's funding lines summed per source, kept with its other sums, so that
-- a sum across hundreds of programmes reads a handful of rows a programme rather than every
-- activity, scope and source of each. Written and deleted with line_sums, from the same sums.
CREATE TABLE source_sums (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    schemes       BIGINT  NOT NULL CHECK (schemes >= 0),
    records       BIGINT  NOT NULL CHECK (records >= 0),
    PRIMARY KEY (programme_id, source)
);

-- What was stored before: summed once, here.
INSERT INTO source_sums (programme_id, source, amount_dong, schemes, records)
SELECT programme_id, source, SUM(amount_dong), SUM(schemes), SUM(records) FROM line_sums GROUP BY programme_id, source;
