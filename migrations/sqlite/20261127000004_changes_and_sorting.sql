-- Issue 15: `GET /changes` reads the audit trail in data-version order (each write has its own
-- version), and the scheme list sorts by cost or scheme count, ties broken by id, a page at a
-- time: each an index, so a page of a million-record programme reads a page of rows.
CREATE INDEX audit_log_by_version ON audit_log (version);
CREATE INDEX scheme_records_by_cost ON scheme_records (programme_id, cost_dong, id);
CREATE INDEX scheme_records_by_scheme_count ON scheme_records (programme_id, scheme_count, id);
