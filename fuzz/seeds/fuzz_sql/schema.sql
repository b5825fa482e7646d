CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name VARCHAR(80));
CREATE TABLE post (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT DEFAULT 'NULL',
    CHECK (length(title) < 200)
);
CREATE INDEX ix_post_user_id ON post (user_id);
CREATE TABLE tag (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE post_tag (
    post_id INTEGER REFERENCES post (id),
    tag_name TEXT REFERENCES tag (name),
    PRIMARY KEY (post_id, tag_name)
);
CREATE UNIQUE INDEX ux_users_lower ON users (lower(email)) WHERE email IS NOT NULL;
CREATE VIEW recent AS SELECT * FROM post ORDER BY id DESC LIMIT 10;
CREATE TRIGGER t AFTER INSERT ON post BEGIN UPDATE users SET name = name WHERE id = new.user_id; END;
