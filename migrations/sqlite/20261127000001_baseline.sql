-- The khuyencong schema on SQLite: the baseline of 2026-11-27, squashing the eight migrations
-- before it (a database made by those is refused at start-up with how to carry its data over;
-- see the README's changelog). Released: change it only by adding a migration.
--
-- Kept in step with ../postgres/ column for column: the same tables, columns, nullability, keys,
-- indexes and checks, and the same bad row refused by both (tests/api/schema_parity.rs checks
-- it). Only engine syntax differs: STRICT tables with INTEGER here (so a wrong type is refused,
-- as PostgreSQL refuses it), BIGINT there; GLOB here, regular expressions there. Money is
-- integer đồng: exact on both engines.

CREATE TABLE activities (
    key        TEXT    NOT NULL PRIMARY KEY,
    decree     TEXT,                         -- legal text that defines it; NULL for `unspecified`
    clause     INTEGER UNIQUE CHECK (clause IS NULL OR clause > 0),
    position   INTEGER NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL
) STRICT;

CREATE TABLE funding_sources (
    key        TEXT    NOT NULL PRIMARY KEY,
    parent     TEXT    REFERENCES funding_sources (key),
    position   INTEGER NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL,
    CHECK (parent IS NULL OR parent <> key)
) STRICT;

-- Every (source, ancestor-or-self) pair, so "lines under a source" is one join on either engine.
CREATE TABLE funding_source_closure (
    source     TEXT    NOT NULL REFERENCES funding_sources (key),
    ancestor   TEXT    NOT NULL REFERENCES funding_sources (key),
    PRIMARY KEY (source, ancestor)
) STRICT;

CREATE TABLE scopes (
    key        TEXT    NOT NULL PRIMARY KEY,
    position   INTEGER NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL
) STRICT;

-- `version` is the data version of the programme's last write (see data_version).
CREATE TABLE programmes (
    id                    TEXT    NOT NULL PRIMARY KEY
                          CHECK (length(id) BETWEEN 1 AND 100 AND id NOT GLOB '*[^a-z0-9-]*'
                                 AND id NOT GLOB '-*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
    name_vi               TEXT    NOT NULL,
    name_en               TEXT    NOT NULL,
    jurisdiction          TEXT    NOT NULL,
    start_year            INTEGER NOT NULL CHECK (start_year BETWEEN 1900 AND 2200),
    end_year              INTEGER NOT NULL CHECK (end_year BETWEEN 1900 AND 2200),
    legal_basis_title     TEXT,
    legal_basis_number    TEXT,
    legal_basis_date      TEXT    CHECK (legal_basis_date IS NULL OR legal_basis_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    legal_basis_issuer    TEXT,
    legal_basis_quote     TEXT,
    agency_vi             TEXT,
    agency_en             TEXT,
    source_title          TEXT    NOT NULL,
    source_publisher      TEXT    NOT NULL,
    source_date           TEXT    NOT NULL CHECK (source_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    source_url            TEXT,
    source_note           TEXT,
    reported_schemes      INTEGER CHECK (reported_schemes IS NULL OR reported_schemes >= 0),
    reported_schemes_quote TEXT,
    reported_cost_dong    INTEGER CHECK (reported_cost_dong IS NULL OR reported_cost_dong >= 0),
    reported_cost_quote   TEXT,
    version               INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
    updated_at            TEXT    NOT NULL,
    CHECK (end_year >= start_year)
) STRICT;

CREATE TABLE reported_scheme_counts (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    schemes       INTEGER NOT NULL CHECK (schemes >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, scope)
) STRICT;

CREATE TABLE reported_funding (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   INTEGER NOT NULL CHECK (amount_dong >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, source)
) STRICT;

CREATE TABLE scheme_records (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    id            TEXT    NOT NULL
                  CHECK (length(id) BETWEEN 1 AND 100 AND id NOT GLOB '*[^a-z0-9-]*'
                         AND id NOT GLOB '-*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
    position      INTEGER NOT NULL CHECK (position >= 0),
    activity      TEXT    NOT NULL REFERENCES activities (key),
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    title_vi      TEXT    NOT NULL,
    title_en      TEXT    NOT NULL,
    scheme_count  INTEGER NOT NULL CHECK (scheme_count > 0),
    cost_dong     INTEGER NOT NULL CHECK (cost_dong >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, id),
    UNIQUE (programme_id, position)
) STRICT;
-- The list's filters by activity and scope, in list order.
CREATE INDEX scheme_records_by_activity ON scheme_records (programme_id, activity, position);
CREATE INDEX scheme_records_by_scope ON scheme_records (programme_id, scope, position);

CREATE TABLE funding_lines (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    position      INTEGER NOT NULL CHECK (position >= 0),
    amount_dong   INTEGER NOT NULL CHECK (amount_dong >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, scheme_id, source),
    FOREIGN KEY (programme_id, scheme_id) REFERENCES scheme_records (programme_id, id) ON DELETE CASCADE
) STRICT;

-- What an indicator means: its unit, whether values add up across records, and (only then)
-- their total over the programme's records, an exact decimal written by Rust's Decimal.
CREATE TABLE indicator_definitions (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL
                  CHECK (length(key) BETWEEN 1 AND 100 AND key NOT GLOB '*[^a-z0-9_]*'
                         AND key NOT GLOB '_*' AND key NOT GLOB '*_' AND key NOT GLOB '*__*'),
    position      INTEGER NOT NULL CHECK (position >= 0),
    name_vi       TEXT    NOT NULL,
    name_en       TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    additive      INTEGER NOT NULL CHECK (additive IN (0, 1)),
    total         TEXT    CHECK (total IS NULL OR additive = 1),
    PRIMARY KEY (programme_id, key)
) STRICT;

CREATE TABLE indicators (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    position      INTEGER NOT NULL CHECK (position >= 0),
    value         TEXT    NOT NULL,               -- an exact decimal, written by Rust's Decimal
    PRIMARY KEY (programme_id, scheme_id, key),
    FOREIGN KEY (programme_id, scheme_id) REFERENCES scheme_records (programme_id, id) ON DELETE CASCADE,
    FOREIGN KEY (programme_id, key) REFERENCES indicator_definitions (programme_id, key) ON DELETE CASCADE
) STRICT;

-- Each programme's sums (domain::sums::ProgrammeSums), written in the same transaction as the
-- rows they sum, so totals and breakdowns read a few dozen rows whether the programme holds 7
-- records or a million. Per activity and scope: the records, their schemes and cost, and the
-- schemes of records whose funding lines leave part of the cost unattributed.
CREATE TABLE record_sums (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity      TEXT    NOT NULL REFERENCES activities (key),
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    records       INTEGER NOT NULL CHECK (records > 0),
    schemes       INTEGER NOT NULL CHECK (schemes > 0),
    cost_dong     INTEGER NOT NULL CHECK (cost_dong >= 0),
    unattributed_schemes INTEGER NOT NULL CHECK (unattributed_schemes BETWEEN 0 AND schemes),
    PRIMARY KEY (programme_id, activity, scope)
) STRICT;
-- Per activity, scope and funding source: the lines naming exactly that source, and the schemes
-- of records with a line naming it or a source below it (a row exists for every source with a
-- line at or below it).
CREATE TABLE line_sums (
    programme_id  TEXT    NOT NULL,
    activity      TEXT    NOT NULL,
    scope         TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   INTEGER NOT NULL CHECK (amount_dong >= 0),
    schemes       INTEGER NOT NULL CHECK (schemes > 0),
    PRIMARY KEY (programme_id, activity, scope, source),
    FOREIGN KEY (programme_id, activity, scope) REFERENCES record_sums (programme_id, activity, scope) ON DELETE CASCADE
) STRICT;

-- Seed files loaded automatically, so that a restart never loads one again (and a programme
-- a user deleted stays deleted). `khuyencong seed` reloads on purpose.
CREATE TABLE seed_runs (
    name          TEXT    NOT NULL PRIMARY KEY,
    loaded_at     TEXT    NOT NULL
) STRICT;

-- Bumped by every write, first thing in its transaction (which also serialises writers). A
-- programme's `version` is the value of its last write, so it never repeats, not even after the
-- programme is deleted and created again: ETags and If-Match stay unambiguous. `updated_at`
-- (NULL before the first write) is `Last-Modified` for lists and reference data.
CREATE TABLE data_version (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version       INTEGER NOT NULL CHECK (version >= 0),
    updated_at    TEXT
) STRICT;
INSERT INTO data_version (id, version, updated_at) VALUES (1, 0, NULL);

-- Bearer tokens. Only a SHA-256 of the secret is kept; the secret is shown once, at creation.
CREATE TABLE api_tokens (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scope         TEXT    NOT NULL CHECK (scope IN ('write', 'admin')),
    secret_sha256 TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT,
    revoked_at    TEXT
) STRICT;

-- Every successful write: who, when, what, and the programme document before and after.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    token_id      TEXT,
    operation     TEXT    NOT NULL,
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT,
    version       INTEGER NOT NULL,
    before_doc    TEXT,
    after_doc     TEXT,
    before_sha256 TEXT,
    after_sha256  TEXT,
    before_records INTEGER,
    after_records INTEGER
) STRICT;
CREATE INDEX audit_log_by_programme ON audit_log (programme_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);

-- Reference taxonomies. Activities: Decree 45/2012/NĐ-CP, Article 4 (the clause's opening words;
-- Decree 235/2025/NĐ-CP amended the article, so each row keeps its decree and clause).

INSERT INTO activities (key, decree, clause, position, name_vi, name_en) VALUES
  ('vocational_training', '45/2012/NĐ-CP, Điều 4', 1, 1, 'Tổ chức đào tạo nghề, truyền nghề', 'Vocational training and craft-skill transfer'),
  ('management_capacity', '45/2012/NĐ-CP, Điều 4', 2, 2, 'Hỗ trợ nâng cao năng lực quản lý doanh nghiệp', 'Business-management capacity (incl. start-ups, cleaner production, markets)'),
  ('demonstration_technology_transfer', '45/2012/NĐ-CP, Điều 4', 3, 3, 'Hỗ trợ xây dựng mô hình trình diễn kỹ thuật; chuyển giao công nghệ', 'Technical demonstration models and technology transfer'),
  ('rural_product_promotion', '45/2012/NĐ-CP, Điều 4', 4, 4, 'Phát triển sản phẩm công nghiệp nông thôn tiêu biểu', 'Promotion of typical rural industrial products'),
  ('consulting_assistance', '45/2012/NĐ-CP, Điều 4', 5, 5, 'Tư vấn trợ giúp các cơ sở công nghiệp nông thôn', 'Consulting and assistance to rural industrial establishments'),
  ('information_provision', '45/2012/NĐ-CP, Điều 4', 6, 6, 'Cung cấp thông tin về chính sách, thị trường', 'Information on policies and markets'),
  ('linkage_clusters_relocation', '45/2012/NĐ-CP, Điều 4', 7, 7, 'Hỗ trợ liên doanh liên kết, phát triển cụm công nghiệp', 'Linkages, industrial clusters and relocation'),
  ('international_cooperation', '45/2012/NĐ-CP, Điều 4', 8, 8, 'Hợp tác quốc tế về khuyến công', 'International cooperation on industrial promotion'),
  ('programme_management_capacity', '45/2012/NĐ-CP, Điều 4', 9, 9, 'Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công', 'Capacity to manage and carry out industrial promotion'),
  ('unspecified', NULL, NULL, 10, 'Không nêu rõ', 'Not stated by the source');

INSERT INTO funding_sources (key, parent, position, name_vi, name_en) VALUES
  ('state_budget', NULL, 1, 'Ngân sách nhà nước', 'State budget'),
  ('central_budget', 'state_budget', 2, 'Ngân sách Trung ương (kinh phí khuyến công quốc gia)', 'Central budget (national industrial-promotion funds)'),
  ('local_budget', 'state_budget', 3, 'Ngân sách địa phương (kinh phí khuyến công địa phương)', 'Local budget: province or city (local industrial-promotion funds)'),
  ('contributions', NULL, 4, 'Đóng góp của các tổ chức, cá nhân tham gia và thụ hưởng', 'Contributions of participating organisations and individuals');

INSERT INTO funding_source_closure (source, ancestor) VALUES
  ('state_budget', 'state_budget'),
  ('central_budget', 'central_budget'),
  ('central_budget', 'state_budget'),
  ('local_budget', 'local_budget'),
  ('local_budget', 'state_budget'),
  ('contributions', 'contributions');

INSERT INTO scopes (key, position, name_vi, name_en) VALUES
  ('local', 1, 'Đề án khuyến công địa phương', 'Local scheme'),
  ('national', 2, 'Đề án khuyến công quốc gia', 'National scheme'),
  ('unknown', 3, 'Không nêu rõ', 'Not stated by the source');
