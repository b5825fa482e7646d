-- drift-table-unmapped: what is not reported.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));

-- the database:
CREATE TABLE USERS (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));
-- Views are queries, not data the models must map.
CREATE VIEW user_names AS SELECT name FROM users;
-- The tables migration tools keep for themselves.
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY, version VARCHAR(50));
CREATE TABLE schema_migrations (version VARCHAR(255) NOT NULL PRIMARY KEY);
