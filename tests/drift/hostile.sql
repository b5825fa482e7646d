-- Models whose names every dialect must quote, whose defaults each dialect
-- spells its own way, with a cycle of foreign keys, a table that references
-- itself and a composite key: `ddl` writes them for each database, the
-- database takes the script, and `diff` finds it the same as these models.
CREATE TABLE "user" (
    id INTEGER PRIMARY KEY,
    "select" VARCHAR(40) NOT NULL UNIQUE,
    "we""ird" TEXT DEFAULT 'it''s',
    "back`tick" TEXT DEFAULT 'C:\temp\n',
    "two words" BOOLEAN NOT NULL DEFAULT TRUE,
    "Mixed" INTEGER DEFAULT 0,
    "café" VARCHAR(10),
    created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    price NUMERIC(10, 2) DEFAULT 0.5,
    best_order_id INTEGER REFERENCES "order" (id)
);
CREATE TABLE "order" (
    id INTEGER PRIMARY KEY,
    "user" INTEGER NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES "order" (id),
    "group" VARCHAR(20) NOT NULL,
    CONSTRAINT "order per group" UNIQUE ("user", "group")
);
CREATE INDEX "ix order group" ON "order" ("group");
CREATE TABLE line (
    order_id INTEGER NOT NULL REFERENCES "order" (id),
    n INTEGER NOT NULL,
    note TEXT,
    weight DOUBLE PRECISION,
    PRIMARY KEY (order_id, n)
);
CREATE TABLE line_ref (
    id INTEGER PRIMARY KEY,
    order_id INTEGER,
    n INTEGER,
    blob_data BLOB,
    FOREIGN KEY (order_id, n) REFERENCES line (order_id, n) ON UPDATE CASCADE
);
