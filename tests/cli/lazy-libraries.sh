#!/bin/sh
# libpq, the MariaDB client, graphviz and libclang are loaded when a source
# or a diagram first needs them (util/dynlib.h), never linked: each brings a
# dozen libraries whose loading would cost every run on a SQLite file
# milliseconds. This checks that the executable does not link them, and
# that when one cannot be loaded (MODELGRAPH_LIB… naming a missing file)
# the run needing it exits 2 with one line naming the package to install,
# while runs that do not need it are unaffected.
#
# usage: lazy-libraries.sh MODELGRAPH WITH_POSTGRES WITH_MYSQL
# (WITH_*: 1 when the build reads that server, else 0)
set -eu

if [ $# -ne 3 ]; then
	echo "usage: $0 MODELGRAPH WITH_POSTGRES WITH_MYSQL" >&2
	exit 2
fi
modelgraph=$1
with_postgres=$2
with_mysql=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
	echo "lazy-libraries: $*"
	status=1
}

# ---- not linked ---------------------------------------------------------------

lazy='libpq\.|libmariadb|libmysqlclient|libgvc|libcgraph|libcdt|libclang|libLLVM'
if command -v readelf >/dev/null 2>&1; then
	# What the executable itself names (NEEDED), whatever is installed.
	readelf -d "$modelgraph" | grep NEEDED >"$tmp/needed" || true
	if grep -E "$lazy" "$tmp/needed" >"$tmp/linked"; then
		fail "the executable links libraries it must load on use:"
		cat "$tmp/linked"
	fi
else
	echo "lazy-libraries: readelf not found; NEEDED entries not checked"
fi
if command -v ldd >/dev/null 2>&1; then
	# And what the loader maps for it, through any library in between.
	ldd "$modelgraph" >"$tmp/ldd" 2>&1 || true
	if grep -E "$lazy" "$tmp/ldd" >"$tmp/loaded"; then
		fail "starting the executable loads libraries it must load on use:"
		cat "$tmp/loaded"
	fi
else
	echo "lazy-libraries: ldd not found; the libraries loaded at start not checked"
fi

# ---- a missing library ----------------------------------------------------------

missing=$tmp/missing/lib.so.1
db=$tmp/app.db
sqlite3 "$db" "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
	CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES author (id));
	CREATE INDEX book_author ON book (author_id);"
printf 'CREATE TABLE t (id serial PRIMARY KEY, tags text[]);\n' >"$tmp/pg.sql"

# run NAME "ENV=VALUE..." ARG...: modelgraph ARG... with those variables set
# (values without spaces); sets $rc.
run() {
	settings=$2
	shift 2
	rc=0
	# shellcheck disable=SC2086 # one word per setting
	env $settings timeout 60 "$modelgraph" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# refused NAME PACKAGE NOT_SHOWN: the last run exited 2, printed nothing on
# standard output and one line on standard error naming the missing file
# and PACKAGE, and not NOT_SHOWN (a password).
refused() {
	if [ "$rc" -ne 2 ]; then
		fail "$1: exit $rc, expected 2"
	fi
	if [ -s "$tmp/out" ]; then
		fail "$1: wrote to standard output:"
		head -n 5 "$tmp/out"
	fi
	if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
		fail "$1: expected one line on standard error, got:"
		head -n 20 "$tmp/err"
	fi
	if ! grep -q "$missing" "$tmp/err" || ! grep -q "install $2" "$tmp/err"; then
		fail "$1: the message names neither the missing file nor the package $2:"
		cat "$tmp/err"
	fi
	if [ -n "$3" ] && grep -q "$3" "$tmp/err"; then
		fail "$1: the message shows the password:"
		cat "$tmp/err"
	fi
}

# succeeded NAME: the last run exited 0.
succeeded() {
	if [ "$rc" -ne 0 ]; then
		fail "$1: exit $rc, expected 0:"
		head -n 5 "$tmp/err"
	fi
}

if [ "$with_postgres" = 1 ]; then
	run postgres-url MODELGRAPH_LIBPQ="$missing" lint 'postgresql://reader:s3cret-pw@localhost/app'
	refused postgres-url libpq5 s3cret-pw
	run postgres-script MODELGRAPH_LIBPQ="$missing" lint --dialect postgresql "$tmp/pg.sql"
	refused postgres-script libpq5 ""
fi
if [ "$with_mysql" = 1 ]; then
	run mysql-url MODELGRAPH_LIBMARIADB="$missing" lint 'mysql://reader:s3cret-pw@localhost/app'
	refused mysql-url libmariadb3 s3cret-pw
	run mariadb-url MODELGRAPH_LIBMARIADB="$missing" dump 'mariadb://reader@localhost/app'
	refused mariadb-url libmariadb3 ""
fi
for format in svg png pdf dot; do
	run "diagram-$format" MODELGRAPH_LIBGVC="$missing" diagram "$db" -o "$tmp/er.$format"
	refused "diagram-$format" libgvc6 ""
	if [ -e "$tmp/er.$format" ]; then
		fail "diagram-$format: wrote $tmp/er.$format without graphviz"
	fi
done
run docs-html MODELGRAPH_LIBGVC="$missing" docs "$db" -o "$tmp/site"
refused docs-html libgvc6 ""
if [ -e "$tmp/site" ]; then
	fail "docs-html: wrote the site without its diagrams"
fi

# Runs that need none of them are unaffected.
run lint "MODELGRAPH_LIBGVC=$missing MODELGRAPH_LIBPQ=$missing MODELGRAPH_LIBMARIADB=$missing" \
	lint "$db" --fail-on never
succeeded lint
run diagram-mermaid MODELGRAPH_LIBGVC="$missing" diagram "$db" --format mermaid
succeeded diagram-mermaid
run diagram-plantuml MODELGRAPH_LIBGVC="$missing" diagram "$db" --format plantuml
succeeded diagram-plantuml
run docs-markdown MODELGRAPH_LIBGVC="$missing" docs "$db" --format markdown -o "$tmp/site-md"
succeeded docs-markdown

exit $status
