-- An index that names a collation keeps it in the dump; one that does not
-- has no "collations" member.
CREATE TABLE subscriber (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);
CREATE INDEX ix_subscriber_email ON subscriber (email);
CREATE INDEX ix_subscriber_email_nocase ON subscriber (email COLLATE NOCASE, name);
CREATE TABLE tag (name TEXT PRIMARY KEY) WITHOUT ROWID;
