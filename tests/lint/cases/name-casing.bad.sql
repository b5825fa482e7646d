-- name-casing: names against the convention of name-casing.bad.yml
-- (snake_case, plural table names).

CREATE TABLE BlogPost ( -- expect: name-casing
  id INTEGER PRIMARY KEY,
  authorName TEXT, -- expect: name-casing
  body_ TEXT -- expect: name-casing
);

-- snake_case, but singular.
CREATE TABLE comment ( -- expect: name-casing
  id INTEGER PRIMARY KEY,
  post_id INTEGER REFERENCES BlogPost (id)
);
CREATE INDEX ix_comment_post ON comment (post_id);
