-- table-isolated on a schema that declares no foreign key at all (MyISAM
-- heritage): said once, on its first table by name, not once per table.

CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT NOT NULL); -- expect: table-isolated
CREATE TABLE invoice (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);
CREATE TABLE setting (id INTEGER PRIMARY KEY, value TEXT);
