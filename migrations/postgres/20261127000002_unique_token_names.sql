-- Token names are unique, so that a name (the actor of the audit trail) means one token, and
-- `khuyencong token revoke NAME` revokes one. Earlier duplicates keep the first token's name;
-- the others get their id appended.
UPDATE api_tokens SET name = substr(name, 1, 83) || '-' || id
WHERE EXISTS (SELECT 1 FROM api_tokens o WHERE o.name = api_tokens.name AND o.id < api_tokens.id);
CREATE UNIQUE INDEX api_tokens_by_name ON api_tokens (name);
