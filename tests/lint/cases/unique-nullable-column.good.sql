-- unique-nullable-column, fixed: every column of a multi-column key is NOT
-- NULL, or the index leaves the NULL rows out.

CREATE TABLE post (id INTEGER PRIMARY KEY);
CREATE TABLE users (id INTEGER PRIMARY KEY);

CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES post (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (post_id, user_id)
);
CREATE INDEX ix_vote_user ON vote (user_id);

-- Near miss: a partial index says which rows it keys.
CREATE TABLE slot ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL,
  day TEXT,
  hour INTEGER
);
CREATE UNIQUE INDEX ux_slot ON slot (room, day, hour) WHERE day IS NOT NULL AND hour IS NOT NULL;

-- Near miss: one nullable unique column is an optional unique value.
CREATE TABLE account ( -- expect: table-isolated
  id INTEGER PRIMARY KEY,
  email TEXT UNIQUE,
  -- Near miss: an expression index is not judged.
  handle TEXT,
  realm TEXT
);
CREATE UNIQUE INDEX ux_account_handle ON account (lower(handle), realm);

-- Near miss: the key holds the primary key, which has no NULL, so no two
-- rows agree on it anyway (MediaWiki's page_props).
CREATE TABLE page_props ( -- expect: table-isolated
  pp_page INTEGER NOT NULL,
  pp_propname TEXT NOT NULL,
  pp_sortkey REAL,
  PRIMARY KEY (pp_page, pp_propname)
);
CREATE UNIQUE INDEX pp_propname_sortkey_page ON page_props (pp_propname, pp_sortkey, pp_page);
