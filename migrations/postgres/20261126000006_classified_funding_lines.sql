-- Funding lines carry their record's activity and scope, so that a breakdown's line sums read
-- one index of the programme's lines instead of joining every line to its record (which made a
-- 100,000-record breakdown take seconds). The composite foreign key keeps the copies equal to
-- the record's own: a record's activity or scope cannot change without its lines following.
CREATE UNIQUE INDEX scheme_records_classified ON scheme_records (programme_id, id, activity, scope);

CREATE TABLE funding_lines_classified (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    activity      TEXT    NOT NULL,
    scope         TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    position      BIGINT  NOT NULL CHECK (position >= 0),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    PRIMARY KEY (programme_id, scheme_id, source),
    FOREIGN KEY (programme_id, scheme_id, activity, scope)
        REFERENCES scheme_records (programme_id, id, activity, scope) ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO funding_lines_classified (programme_id, scheme_id, activity, scope, source, position, amount_dong)
    SELECT f.programme_id, f.scheme_id, r.activity, r.scope, f.source, f.position, f.amount_dong
    FROM funding_lines f JOIN scheme_records r ON r.programme_id = f.programme_id AND r.id = f.scheme_id;
DROP TABLE funding_lines;
ALTER TABLE funding_lines_classified RENAME TO funding_lines;

-- Covering indexes: line sums by activity or by scope (and programme-wide, by source) read only
-- these entries.
CREATE INDEX funding_lines_by_activity ON funding_lines (programme_id, activity, source, amount_dong);
CREATE INDEX funding_lines_by_scope ON funding_lines (programme_id, scope, source, amount_dong);
