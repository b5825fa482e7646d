-- Names that break diagram languages: quotes, markup, ampersands, newlines,
-- braces, pipes, "--", non-ASCII, invalid UTF-8 (the bytes after "bad"),
-- Mermaid's keywords ("one", "to", "u", "pk") and a leading digit.
CREATE TABLE "one" (id INTEGER PRIMARY KEY, "pk" TEXT, "to" INTEGER);
CREATE TABLE "<script>alert(1)</script>" (
  "id" INTEGER PRIMARY KEY,
  "a&b" NUMERIC(10,2),
  "x--y" character varying(20) NOT NULL,
  "{brace}|pipe" INTEGER REFERENCES "one" (id),
  "line
break" INTEGER UNIQUE REFERENCES "one" (id)
);
CREATE TABLE "café ✓" ("été" INTEGER PRIMARY KEY, "say ""hi""" TEXT,
  "owner" INTEGER NOT NULL REFERENCES "<script>alert(1)</script>" (id));
CREATE TABLE "bad�� name" ("id" INTEGER PRIMARY KEY, "u" INTEGER REFERENCES "café ✓" ("été"),
  "back\slash \N" INTEGER REFERENCES "bad�� name" (id));
CREATE TABLE "1st" ("id" INTEGER PRIMARY KEY, "%%{init}%%" TEXT, "#x;" TEXT, "@startuml" TEXT,
  "one_id" INTEGER REFERENCES "one" (id));
CREATE TABLE "u" ("a-b" INTEGER REFERENCES "1st" (id), "c" INTEGER REFERENCES "one" (id),
  PRIMARY KEY ("a-b", "c"));
