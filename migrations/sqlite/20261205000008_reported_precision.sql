-- Issue 28: reported figures as precise as they were published. A figure may be "at least",
-- "at most", "about" or a range ("từ 10 - 15"), and an estimate ("ước"); a reported funding
-- entry may be the remainder ("phần còn lại"), named with no figure; a reported total cost may
-- cover some top-level sources only. Every figure stored so far is exact and covers all: no row
-- of the new tables, and the new column null.

-- What "about" means in the programme's figures, in percent; null: the default, 5.
ALTER TABLE programmes ADD COLUMN about_tolerance_percent TEXT;

-- The precision of each reported figure that is not a plain exact one. `figure` names it:
-- `schemes`, `tasks`, `schemes_registered`, `cost`, `scope:<key>` or `source:<key>`. A range
-- keeps its ends here (schemes, or đồng) and no value in the figure's own column.
CREATE TABLE reported_precision (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    figure        TEXT    NOT NULL,
    qualifier     TEXT    NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'at_most', 'about', 'range')),
    estimate      INTEGER NOT NULL CHECK (estimate IN (0, 1)),
    low           INTEGER CHECK (low IS NULL OR low >= 0),
    high          INTEGER CHECK (high IS NULL OR high >= 0),
    CHECK ((qualifier = 'range') = (low IS NOT NULL AND high IS NOT NULL) AND (low IS NULL OR low <= high)),
    PRIMARY KEY (programme_id, figure)
) STRICT;

-- The top-level sources a reported total cost covers, where it does not cover them all.
CREATE TABLE reported_cost_covers (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    PRIMARY KEY (programme_id, source)
) STRICT;

-- A scope's count and a source's amount may now have no single value (a range, a remainder):
-- SQLite cannot drop a NOT NULL, so both tables are made again and their rows copied.
CREATE TABLE reported_scheme_counts_new (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    schemes       INTEGER CHECK (schemes IS NULL OR schemes >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, scope)
) STRICT;
INSERT INTO reported_scheme_counts_new SELECT programme_id, scope, schemes, quote FROM reported_scheme_counts;
DROP TABLE reported_scheme_counts;
ALTER TABLE reported_scheme_counts_new RENAME TO reported_scheme_counts;

CREATE TABLE reported_funding_new (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   INTEGER CHECK (amount_dong IS NULL OR amount_dong >= 0),
    quote         TEXT,
    -- 1: the source pays the rest, with no figure (never stored as a number).
    remainder     INTEGER NOT NULL DEFAULT 0 CHECK (remainder IN (0, 1) AND (remainder = 0 OR amount_dong IS NULL)),
    PRIMARY KEY (programme_id, source)
) STRICT;
INSERT INTO reported_funding_new (programme_id, source, amount_dong, quote)
    SELECT programme_id, source, amount_dong, quote FROM reported_funding;
DROP TABLE reported_funding;
ALTER TABLE reported_funding_new RENAME TO reported_funding;
