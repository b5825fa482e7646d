-- Hostile names: markup, quotes, a newline, a terminal escape and a tab
-- must come out escaped in every format.
--
-- (every line below is placed where the expected outputs point)

CREATE TABLE parent (id INTEGER PRIMARY KEY);

CREATE TABLE "<script>" (
  "say ""hi""" TEXT REFERENCES parent (id),
  "line
break" INTEGER NOT NULL REFERENCES parent (id) ON DELETE SET NULL,
  "[31mred" INTEGER REFERENCES "no	where" (id)
);
