-- When the data last changed, for `Last-Modified` on lists and reference data. Set by every
-- write together with the version; NULL until the first write after this migration.
ALTER TABLE data_version ADD COLUMN updated_at TEXT;
UPDATE data_version SET updated_at = (SELECT MAX(updated_at) FROM programmes);
