-- Issue 13: Decree 45/2012/NĐ-CP Article 4 has eight clauses, and clause 5 has two points
-- (a: consulting and assistance, b: information). The baseline numbered nine clauses and made
-- `clause` unique; activities now carry decree, clause and point, unique together. Activity and
-- funding-source names are our labels (in the decree's terms), not quotations, and say only
-- what the source or the decree says. Records and indicator values gain a `note`: what a reader
-- must know that the source's words do not say (a reading, an ambiguity).
-- Kept in step with ../sqlite/ (which has to rebuild `activities` to the same shape).

ALTER TABLE activities DROP CONSTRAINT activities_clause_key;
ALTER TABLE activities ADD COLUMN point TEXT CHECK (point IS NULL OR (clause IS NOT NULL AND point ~ '^[a-z]$'));
ALTER TABLE activities ADD CONSTRAINT activities_decree_clause_point_key UNIQUE (decree, clause, point);

UPDATE activities SET clause = NULL WHERE key IN ('consulting_assistance', 'information_provision',
    'linkage_clusters_relocation', 'international_cooperation', 'programme_management_capacity');
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
