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
    estimate      BIGINT  NOT NULL CHECK (estimate IN (0, 1)),
    low           BIGINT  CHECK (low IS NULL OR low >= 0),
    high          BIGINT  CHECK (high IS NULL OR high >= 0),
    CHECK ((qualifier = 'range') = (low IS NOT NULL AND high IS NOT NULL) AND (low IS NULL OR low <= high)),
    PRIMARY KEY (programme_id, figure)
);

-- The top-level sources a reported total cost covers, where it does not cover them all.
CREATE TABLE reported_cost_covers (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    PRIMARY KEY (programme_id, source)
);

-- A scope's count and a source's amount may now have no single value (a range, a remainder).
ALTER TABLE reported_scheme_counts ALTER COLUMN schemes DROP NOT NULL;
ALTER TABLE reported_funding ALTER COLUMN amount_dong DROP NOT NULL;
-- 1: the source pays the rest, with no figure (never stored as a number).
ALTER TABLE reported_funding ADD COLUMN remainder BIGINT NOT NULL DEFAULT 0
    CHECK (remainder IN (0, 1) AND (remainder = 0 OR amount_dong IS NULL));
