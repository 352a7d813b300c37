-- Issue 13: Decree 45/2012/NĐ-CP Article 4 has eight clauses, and clause 5 has two points
-- (a: consulting and assistance, b: information). The baseline numbered nine clauses and made
-- `clause` unique; activities now carry decree, clause and point, unique together. Activity and
-- funding-source names are our labels (in the decree's terms), not quotations, and say only
-- what the source or the decree says. Records and indicator values gain a `note`: what a reader
-- must know that the source's words do not say (a reading, an ambiguity).
--
-- SQLite cannot drop a column's UNIQUE constraint, so `activities` is rebuilt. sqlx runs every
-- SQLite migration in a transaction, where `PRAGMA foreign_keys` cannot change, and renaming a
-- table rewrites the foreign keys that name it. So: keep a copy, drop the table with foreign
-- keys deferred (the records' rows are orphans for a moment), put the new table in its place
-- under the same name, and refill it, which gives every orphan its parent back before commit
-- (where a violation still left would fail the migration as a whole).

PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE activities_baseline AS SELECT * FROM activities;
CREATE TABLE activities_rebuilt (
    key        TEXT    NOT NULL PRIMARY KEY,
    decree     TEXT,                         -- legal text that defines it; NULL for `unspecified`
    clause     INTEGER CHECK (clause IS NULL OR clause > 0),
    point      TEXT    CHECK (point IS NULL OR (clause IS NOT NULL AND length(point) = 1 AND point GLOB '[a-z]')),
    position   INTEGER NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL,
    UNIQUE (decree, clause, point)
) STRICT;
DROP TABLE activities;
ALTER TABLE activities_rebuilt RENAME TO activities;
INSERT INTO activities (key, decree, clause, point, position, name_vi, name_en)
    SELECT key, decree, NULL, NULL, position, name_vi, name_en FROM activities_baseline;
UPDATE activities SET clause = (SELECT b.clause FROM activities_baseline b WHERE b.key = activities.key)
    WHERE key NOT IN ('consulting_assistance', 'information_provision', 'linkage_clusters_relocation',
                      'international_cooperation', 'programme_management_capacity');
DROP TABLE activities_baseline;

UPDATE activities SET clause = 5, point = 'a' WHERE key = 'consulting_assistance';
UPDATE activities SET clause = 5, point = 'b' WHERE key = 'information_provision';
UPDATE activities SET clause = 6 WHERE key = 'linkage_clusters_relocation';
UPDATE activities SET clause = 7 WHERE key = 'international_cooperation';
UPDATE activities SET clause = 8 WHERE key = 'programme_management_capacity';

UPDATE activities SET name_vi = 'Nâng cao năng lực quản lý cơ sở công nghiệp nông thôn',
                      name_en = 'Management capacity of rural industrial establishments'
    WHERE key = 'management_capacity';
UPDATE activities SET name_vi = 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ'
    WHERE key = 'demonstration_technology_transfer';
UPDATE activities SET name_vi = 'Đào tạo nghề, truyền nghề' WHERE key = 'vocational_training';
UPDATE activities SET name_vi = 'Tư vấn, trợ giúp cơ sở công nghiệp nông thôn' WHERE key = 'consulting_assistance';
UPDATE activities SET name_vi = 'Liên doanh, liên kết, hợp tác kinh tế, cụm công nghiệp',
                      name_en = 'Linkages, economic cooperation and industrial clusters'
    WHERE key = 'linkage_clusters_relocation';

UPDATE funding_sources SET name_vi = 'Ngân sách Trung ương', name_en = 'Central budget' WHERE key = 'central_budget';
UPDATE funding_sources SET name_vi = 'Ngân sách địa phương', name_en = 'Local budget (province or city)'
    WHERE key = 'local_budget';

ALTER TABLE scheme_records ADD COLUMN note TEXT;
ALTER TABLE indicators ADD COLUMN note TEXT;
