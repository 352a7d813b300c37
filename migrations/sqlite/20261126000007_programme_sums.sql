-- Each programme's sums, materialised: per activity and scope for its records, per activity,
-- scope and source for its funding lines. They are written in the same transaction as the rows
-- they sum (storage::writes), so totals and breakdowns read a few dozen rows whether the
-- programme holds 7 records or a million. A test checks them against the rows.
CREATE TABLE record_sums (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity      TEXT    NOT NULL REFERENCES activities (key),
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    records       BIGINT  NOT NULL CHECK (records > 0),
    schemes       BIGINT  NOT NULL CHECK (schemes > 0),
    cost_dong     BIGINT  NOT NULL CHECK (cost_dong >= 0),
    PRIMARY KEY (programme_id, activity, scope)
);
CREATE TABLE line_sums (
    programme_id  TEXT    NOT NULL,
    activity      TEXT    NOT NULL,
    scope         TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    PRIMARY KEY (programme_id, activity, scope, source),
    FOREIGN KEY (programme_id, activity, scope) REFERENCES record_sums (programme_id, activity, scope) ON DELETE CASCADE
);
INSERT INTO record_sums (programme_id, activity, scope, records, schemes, cost_dong)
    SELECT programme_id, activity, scope, COUNT(*), SUM(scheme_count), SUM(cost_dong)
    FROM scheme_records GROUP BY programme_id, activity, scope;
INSERT INTO line_sums (programme_id, activity, scope, source, amount_dong)
    SELECT programme_id, activity, scope, source, SUM(amount_dong)
    FROM funding_lines GROUP BY programme_id, activity, scope, source;

-- The lines' covering indexes served only the sums now kept above; each costs every write.
DROP INDEX funding_lines_by_activity;
DROP INDEX funding_lines_by_scope;
