-- Covering indexes for the aggregates: a programme's totals and breakdowns read only index
-- entries of that programme (no table rows, no other programme's), so their cost grows with the
-- programme's size and not with the database's. Checked with EXPLAIN (scripts/scale prints it).
DROP INDEX scheme_records_by_activity;
DROP INDEX scheme_records_by_scope;
DROP INDEX funding_lines_by_source;
CREATE INDEX scheme_records_by_activity ON scheme_records (programme_id, activity, scheme_count, cost_dong);
CREATE INDEX scheme_records_by_scope ON scheme_records (programme_id, scope, scheme_count, cost_dong);
CREATE INDEX funding_lines_by_source ON funding_lines (programme_id, source, amount_dong);
