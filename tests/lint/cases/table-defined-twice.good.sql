-- table-defined-twice: two sources that each define their own tables, one
-- referencing the other's; a view named like nothing else.
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
CREATE INDEX ix_post_user ON post (user_id);
-- another source:
CREATE TABLE tag (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES post (id));
CREATE INDEX ix_tag_post ON tag (post_id);
CREATE VIEW user_names AS SELECT 'x' AS name;
