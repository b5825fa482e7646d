-- Names that must stay data in every output.
CREATE TABLE "<script>alert(1)</script>" ("a""b" INTEGER PRIMARY KEY, [c d] TEXT, `e` INT);
CREATE TABLE "new
line" ("<script>alert(1)</script>_id" INTEGER REFERENCES "<script>alert(1)</script>" ("a""b"),
                    "tab	x" TEXT, "&amp;" TEXT);
CREATE TABLE "../../etc/passwd" (x INTEGER, y INTEGER, FOREIGN KEY (x, y) REFERENCES "new
line" (a, b));
CREATE TABLE été (id INTEGER PRIMARY KEY, "Été" TEXT, self_id INTEGER REFERENCES été (id));
