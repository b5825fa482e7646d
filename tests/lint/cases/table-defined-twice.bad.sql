-- table-defined-twice: a second source defines a table the first one has
-- (under another case, as SQL folds it); the first definition is used.
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
CREATE INDEX ix_post_user ON post (user_id);
-- another source:
CREATE TABLE Users (id INTEGER PRIMARY KEY, email TEXT); -- expect: table-defined-twice
CREATE TABLE tag (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES post (id));
CREATE INDEX ix_tag_post ON tag (post_id);
