-- Funding lines no longer need their record's activity and scope (migration 6): the sums kept
-- per programme (migration 7) answer the breakdowns. Back to the plain table, which costs each
-- write one foreign-key check fewer and the record table one unique index fewer.
CREATE TABLE funding_lines_plain (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    position      BIGINT  NOT NULL CHECK (position >= 0),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    PRIMARY KEY (programme_id, scheme_id, source),
    FOREIGN KEY (programme_id, scheme_id) REFERENCES scheme_records (programme_id, id) ON DELETE CASCADE
);
INSERT INTO funding_lines_plain (programme_id, scheme_id, source, position, amount_dong)
    SELECT programme_id, scheme_id, source, position, amount_dong FROM funding_lines;
DROP TABLE funding_lines;
ALTER TABLE funding_lines_plain RENAME TO funding_lines;
DROP INDEX scheme_records_classified;
