-- drift-column-unmapped-required: NOT NULL columns without a default that no
-- model maps: every insert through the models fails.

CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- the database:
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL, -- expect: drift-column-unmapped-required
  tenant_id INTEGER NOT NULL REFERENCES tenant (id) -- expect: drift-column-unmapped-required
);
CREATE TABLE tenant (id INTEGER PRIMARY KEY); -- expect: drift-table-unmapped
