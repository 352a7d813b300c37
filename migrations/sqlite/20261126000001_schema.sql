-- The khuyencong schema on SQLite. Kept in step with ../postgres/ (same tables, columns and
-- constraints; only engine syntax differs). Money is integer đồng in BIGINT: exact on both engines.

CREATE TABLE activities (
    key        TEXT    NOT NULL PRIMARY KEY,
    decree     TEXT,                         -- legal text that defines it; NULL for `unspecified`
    clause     BIGINT  UNIQUE CHECK (clause IS NULL OR clause > 0),
    position   BIGINT  NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL
);

CREATE TABLE funding_sources (
    key        TEXT    NOT NULL PRIMARY KEY,
    parent     TEXT    REFERENCES funding_sources (key),
    position   BIGINT  NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL,
    CHECK (parent IS NULL OR parent <> key)
);

-- Every (source, ancestor-or-self) pair, so "lines under a source" is one join on either engine.
CREATE TABLE funding_source_closure (
    source     TEXT    NOT NULL REFERENCES funding_sources (key),
    ancestor   TEXT    NOT NULL REFERENCES funding_sources (key),
    PRIMARY KEY (source, ancestor)
);

CREATE TABLE scopes (
    key        TEXT    NOT NULL PRIMARY KEY,
    position   BIGINT  NOT NULL UNIQUE,
    name_vi    TEXT    NOT NULL,
    name_en    TEXT    NOT NULL
);

CREATE TABLE programmes (
    id                    TEXT    NOT NULL PRIMARY KEY
                          CHECK (length(id) BETWEEN 1 AND 100 AND id NOT GLOB '*[^a-z0-9-]*'
                                 AND id NOT GLOB '-*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
    name_vi               TEXT    NOT NULL,
    name_en               TEXT    NOT NULL,
    jurisdiction          TEXT    NOT NULL,
    start_year            BIGINT  NOT NULL CHECK (start_year BETWEEN 1900 AND 2200),
    end_year              BIGINT  NOT NULL CHECK (end_year BETWEEN 1900 AND 2200),
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
    reported_schemes      BIGINT  CHECK (reported_schemes IS NULL OR reported_schemes >= 0),
    reported_schemes_quote TEXT,
    reported_cost_dong    BIGINT  CHECK (reported_cost_dong IS NULL OR reported_cost_dong >= 0),
    reported_cost_quote   TEXT,
    version               BIGINT  NOT NULL DEFAULT 1 CHECK (version > 0),
    updated_at            TEXT    NOT NULL,
    CHECK (end_year >= start_year)
);

CREATE TABLE reported_scheme_counts (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    schemes       BIGINT  NOT NULL CHECK (schemes >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, scope)
);

CREATE TABLE reported_funding (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, source)
);

CREATE TABLE scheme_records (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    id            TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 100 AND id NOT GLOB '*[^a-z0-9-]*'),
    position      BIGINT  NOT NULL CHECK (position >= 0),
    activity      TEXT    NOT NULL REFERENCES activities (key),
    scope         TEXT    NOT NULL REFERENCES scopes (key),
    title_vi      TEXT    NOT NULL,
    title_en      TEXT    NOT NULL,
    scheme_count  BIGINT  NOT NULL CHECK (scheme_count > 0),
    cost_dong     BIGINT  NOT NULL CHECK (cost_dong >= 0),
    quote         TEXT,
    PRIMARY KEY (programme_id, id),
    UNIQUE (programme_id, position)
);
CREATE INDEX scheme_records_by_activity ON scheme_records (programme_id, activity);
CREATE INDEX scheme_records_by_scope ON scheme_records (programme_id, scope);

CREATE TABLE funding_lines (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    source        TEXT    NOT NULL REFERENCES funding_sources (key),
    position      BIGINT  NOT NULL CHECK (position >= 0),
    amount_dong   BIGINT  NOT NULL CHECK (amount_dong >= 0),
    PRIMARY KEY (programme_id, scheme_id, source),
    FOREIGN KEY (programme_id, scheme_id) REFERENCES scheme_records (programme_id, id) ON DELETE CASCADE
);
CREATE INDEX funding_lines_by_source ON funding_lines (programme_id, source);

-- What an indicator means: its unit, and whether values add up across records (people trained
-- do; copies per issue, issues per year and person-times do not).
CREATE TABLE indicator_definitions (
    programme_id  TEXT    NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 100 AND key NOT GLOB '*[^a-z0-9_]*'),
    position      BIGINT  NOT NULL CHECK (position >= 0),
    name_vi       TEXT    NOT NULL,
    name_en       TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    additive      BIGINT  NOT NULL CHECK (additive IN (0, 1)),
    PRIMARY KEY (programme_id, key)
);

CREATE TABLE indicators (
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    position      BIGINT  NOT NULL CHECK (position >= 0),
    value         TEXT    NOT NULL,               -- an exact decimal, written by Rust's Decimal
    PRIMARY KEY (programme_id, scheme_id, key),
    FOREIGN KEY (programme_id, scheme_id) REFERENCES scheme_records (programme_id, id) ON DELETE CASCADE,
    FOREIGN KEY (programme_id, key) REFERENCES indicator_definitions (programme_id, key) ON DELETE CASCADE
);

-- Seed files loaded automatically, so that a restart never loads one again (and a programme
-- a user deleted stays deleted). `khuyencong seed` reloads on purpose.
CREATE TABLE seed_runs (
    name          TEXT    NOT NULL PRIMARY KEY,
    loaded_at     TEXT    NOT NULL
);
