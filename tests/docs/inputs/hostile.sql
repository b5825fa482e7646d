-- Hostile names, defaults and bytes for the docs: markup, script URLs,
-- quotes, path tricks, names that collide once made file names, a
-- reserved device name and invalid UTF-8. Nothing here may execute in a
-- browser or become a path outside the site.

CREATE TABLE "<script>alert('name')</script>" (
  id INTEGER PRIMARY KEY,
  "<img src=x onerror=alert('col')>" TEXT DEFAULT '<script>alert("default")</script>',
  "javascript:alert('link')" TEXT DEFAULT 'javascript:alert(1)',
  "quote"" ' `back`" INTEGER REFERENCES "<script>alert('name')</script>" (id),
  "{{site.title}}" TEXT DEFAULT '{{{page.root}}}'
);

CREATE TABLE "../../etc/passwd" (
  id INTEGER PRIMARY KEY,
  owner INTEGER REFERENCES "<script>alert('name')</script>" (id) ON DELETE CASCADE
);
CREATE INDEX "ix_passwd_owner" ON "../../etc/passwd" (owner);

CREATE TABLE "/abs/olute" (id INTEGER PRIMARY KEY, passwd_id INTEGER REFERENCES "../../etc/passwd" (id));

CREATE TABLE "Con" (id INTEGER PRIMARY KEY);
CREATE TABLE "a b" (id INTEGER PRIMARY KEY);
CREATE TABLE "a-b" (id INTEGER PRIMARY KEY);
CREATE TABLE "A_B" (id INTEGER PRIMARY KEY);
CREATE TABLE "badÿþ utf8 Ã" (id INTEGER PRIMARY KEY, "colé" TEXT);
CREATE TABLE "</script><script>alert(2)</script>" ("x""><svg onload=alert(3)>" INTEGER);
CREATE TABLE "line
break" (id INTEGER PRIMARY KEY, "tab	name" TEXT DEFAULT 'a|b*c_d[e](javascript:alert(4))');
