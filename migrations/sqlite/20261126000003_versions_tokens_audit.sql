-- Writes: one data version for the whole database, bearer tokens, and the audit trail.

-- Bumped by every write, first thing in its transaction (which also serialises writers). A
-- programme's `version` is the value of its last write, so it never repeats, not even after the
-- programme is deleted and created again: ETags and If-Match stay unambiguous.
CREATE TABLE data_version (
    id        BIGINT  NOT NULL PRIMARY KEY CHECK (id = 1),
    version   BIGINT  NOT NULL CHECK (version >= 0)
);
INSERT INTO data_version (id, version) SELECT 1, COALESCE(MAX(version), 0) FROM programmes;

-- Bearer tokens. Only a SHA-256 of the secret is kept; the secret is shown once, at creation.
CREATE TABLE api_tokens (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scope         TEXT    NOT NULL CHECK (scope IN ('write', 'admin')),
    secret_sha256 TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    TEXT,
    revoked_at    TEXT
);

-- Every successful write: who, when, what, and the programme document before and after.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    token_id      TEXT,
    operation     TEXT    NOT NULL,
    programme_id  TEXT    NOT NULL,
    scheme_id     TEXT,
    version       BIGINT  NOT NULL,
    before_doc    TEXT,
    after_doc     TEXT,
    before_sha256 TEXT,
    after_sha256  TEXT,
    before_records BIGINT,
    after_records BIGINT
);
CREATE INDEX audit_log_by_programme ON audit_log (programme_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
