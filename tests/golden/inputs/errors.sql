-- Errors: SET NULL on a NOT NULL column, and a reference to a table
-- that does not exist.
CREATE TABLE users (
    id INTEGER PRIMARY KEY
);

CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE SET NULL,
    editor_id INTEGER REFERENCES editors (id)
);
CREATE INDEX ix_post_user_id ON post (user_id);
CREATE INDEX ix_post_editor_id ON post (editor_id);
