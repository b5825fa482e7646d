#!/bin/sh
# The loop ddl and diff close, against a real database of one kind:
# - `ddl` of the seed's models makes a script the database's own client runs
#   (sqlite3, psql, mariadb) and reads back, and `diff` finds the database the
#   same as the models: no finding at all, not even a note, exit 0;
# - the script ddl wrote, read as a file, is the same to `diff` too;
# - `ddl` of that database makes a second database, the same to `diff`;
# - the same for tests/drift/hostile.sql: names each dialect must quote,
#   defaults each spells its own way, a cycle of foreign keys; and for
#   tests/golden/inputs/ddl-models.h: C types, a schema, comments;
# - deliberate drift (a dropped column, a changed type, a missing foreign
#   key, unique key, index and table; on the servers also a changed default
#   and NULL) is found, each by its rule, on the models' line with the
#   database's object beside it, and a fix.
#
# usage: loop.sh MODELGRAPH PYTHON EXAMPLES_DIR sqlite|postgresql|mysql [SERVER_DIR]
# SERVER_DIR: the fixture's server (tests/postgres/pg-server.sh,
# tests/mysql/mariadb-server.sh), for postgresql and mysql.
set -eu
export LC_ALL=C

if [ $# -lt 4 ] || [ $# -gt 5 ]; then
	echo "usage: $0 MODELGRAPH PYTHON EXAMPLES_DIR sqlite|postgresql|mysql [SERVER_DIR]" >&2
	exit 2
fi
modelgraph=$1 python=$2 examples=$3 dialect=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp # no ~/.my.cnf, ~/.pgpass or .modelgraph.yml but ours
export HOME
cd "$tmp"
if [ $# -eq 5 ]; then
	. "$5/env"
fi

status=0
fail() {
	echo "drift $dialect: $*"
	status=1
}

# The database called NAME: its source for modelgraph, made from a script.
source_of() {
	case $dialect in
	sqlite) echo "$tmp/$1.db" ;;
	postgresql) echo "postgresql:///mg_drift_$1" ;;
	mysql) echo "mysql://root@localhost/mg_drift_$1?socket=$MG_MYSQL_SOCKET" ;;
	esac
}
mysql_client() { mariadb --no-defaults --default-character-set=utf8mb4 --socket="$MG_MYSQL_SOCKET" -u root "$@"; }

# make_db NAME SCRIPT: a new database NAME, the script run into it by the
# database's own client, which must take every statement.
make_db() {
	case $dialect in
	sqlite)
		rm -f "$tmp/$1.db"
		sqlite3 -bail "$tmp/$1.db" <"$2" >"$tmp/client.out" 2>&1
		;;
	postgresql)
		psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS mg_drift_$1" \
			-c "CREATE DATABASE mg_drift_$1" >"$tmp/client.out" 2>&1 &&
			psql -X -q -v ON_ERROR_STOP=1 -d "mg_drift_$1" -f "$2" >>"$tmp/client.out" 2>&1
		;;
	mysql)
		mysql_client -e "DROP DATABASE IF EXISTS mg_drift_$1; CREATE DATABASE mg_drift_$1" >"$tmp/client.out" 2>&1 &&
			mysql_client "mg_drift_$1" <"$2" >>"$tmp/client.out" 2>&1
		;;
	esac || {
		echo "drift $dialect: the database refused the script $2:"
		cat "$tmp/client.out"
		cat "$2"
		exit 1
	}
}

# run_sql NAME SQL: statements run into database NAME.
run_sql() {
	case $dialect in
	sqlite) sqlite3 -bail "$tmp/$1.db" "$2" ;;
	postgresql) psql -X -q -v ON_ERROR_STOP=1 -d "mg_drift_$1" -c "$2" ;;
	mysql) mysql_client "mg_drift_$1" -e "$2" ;;
	esac >"$tmp/client.out" 2>&1 || {
		echo "drift $dialect: the database refused: $2"
		cat "$tmp/client.out"
		exit 1
	}
}

# The tables of database NAME, one a line, as its client lists them.
tables_of() {
	case $dialect in
	sqlite) sqlite3 "$tmp/$1.db" "SELECT name FROM sqlite_schema WHERE type = 'table'" ;;
	postgresql) psql -X -A -t -d "mg_drift_$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public'" ;;
	mysql) mysql_client -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema = 'mg_drift_$1'" ;;
	esac
}

# expect_clean LABEL MODELS... DATABASE: diff finds nothing, not even a note.
expect_clean() {
	label=$1
	shift
	rc=0
	"$modelgraph" diff --no-config --fail-on note "$@" >"$tmp/diff.out" 2>"$tmp/diff.err" || rc=$?
	if [ "$rc" -ne 0 ] || [ "$(cat "$tmp/diff.out")" != "no findings" ] || [ -s "$tmp/diff.err" ]; then
		fail "$label: diff is not clean (exit $rc):"
		cat "$tmp/diff.out" "$tmp/diff.err"
	fi
}

# expect_drift LABEL DATABASE_PREFIX MODELS_SUFFIX "MODELS..." DATABASE RULE=PATH...:
# diff finds exactly those findings, each on both sides, and exits 1.
expect_drift() {
	label=$1 prefix=$2 suffix=$3 models=$4 database=$5
	shift 5
	rc=0
	# shellcheck disable=SC2086 # the models are several words
	"$modelgraph" diff --no-config --fail-on note --format json -o "$tmp/drift.json" $models "$database" \
		2>"$tmp/diff.err" || rc=$?
	if [ "$rc" -ne 1 ]; then
		fail "$label: diff exits $rc, not 1:"
		cat "$tmp/diff.err"
		return
	fi
	"$python" "$here/check.py" "$tmp/drift.json" "$prefix" "$suffix" "$@" || {
		fail "$label: not the findings expected; diff said:"
		# shellcheck disable=SC2086
		"$modelgraph" diff --no-config $models "$database" || true
	}
}

case $dialect in
sqlite) prefix=$tmp/ ;;
postgresql) prefix=postgresql:// ;;
mysql) prefix=mysql:// ;;
*)
	echo "usage: $0 MODELGRAPH PYTHON EXAMPLES_DIR sqlite|postgresql|mysql [SERVER_DIR]" >&2
	exit 2
	;;
esac
models="$examples/blog.h $examples/music.h $examples/profile.h"

# --- the seed's models, made into a database and read back ---
# shellcheck disable=SC2086
"$modelgraph" ddl --dialect "$dialect" -o "$tmp/seed.sql" $models
make_db seed "$tmp/seed.sql"
tables=$(tables_of seed | sort | tr '\n' ' ')
[ "$tables" = "playlist playlist_songs post song user_profile users " ] ||
	fail "the database holds the tables \"$tables\""
# shellcheck disable=SC2086
expect_clean "the seed's database" $models "$(source_of seed)"

# The script itself, read as a file (through a throwaway server for
# PostgreSQL's and MySQL's dialects, which modelgraph tells apart).
# shellcheck disable=SC2086
expect_clean "the seed's script, read as a file" $models "$tmp/seed.sql"

# The database written out again makes the same database.
"$modelgraph" ddl --dialect "$dialect" -o "$tmp/again.sql" "$(source_of seed)"
make_db again "$tmp/again.sql"
# shellcheck disable=SC2086
expect_clean "the seed's database made again from itself" $models "$(source_of again)"

# --- quoted names, defaults, a cycle ---
"$modelgraph" ddl --dialect "$dialect" -o "$tmp/hostile.sql" "$here/hostile.sql"
make_db hostile "$tmp/hostile.sql"
expect_clean "hostile.sql's database" "$here/hostile.sql" "$(source_of hostile)"

# --- C types, a schema, comments, defaults, a cycle across schemas ---
"$modelgraph" ddl --dialect "$dialect" -o "$tmp/models.sql" "$here/../golden/inputs/ddl-models.h"
make_db models "$tmp/models.sql"
expect_clean "ddl-models.h's database" "$here/../golden/inputs/ddl-models.h" "$(source_of models)"

# Two schemas' tables of one name would be one table in SQLite or MySQL.
if [ "$dialect" = postgresql ]; then
	printf 'CREATE SCHEMA a; CREATE SCHEMA b;\nCREATE TABLE a.t (id integer);\nCREATE TABLE b.t (id integer);\n' \
		>"$tmp/clash.sql"
	make_db clash "$tmp/clash.sql"
	for to in sqlite mysql; do
		rc=0
		"$modelgraph" ddl --dialect "$to" "$(source_of clash)" >"$tmp/ddl.out" 2>"$tmp/ddl.err" || rc=$?
		if [ "$rc" -ne 2 ] || [ -s "$tmp/ddl.out" ] || [ "$(wc -l <"$tmp/ddl.err")" -ne 1 ] ||
			! grep -q '^modelgraph: error: tables "a.t" and "b.t" would both be "t"' "$tmp/ddl.err"; then
			fail "ddl --dialect $to of two schemas' tables \"t\": exit $rc, $(cat "$tmp/ddl.err")"
		fi
	done
fi

# --- drift ---
case $dialect in
sqlite)
	# SQLite changes a column or a key only by making the table again.
	run_sql seed "PRAGMA foreign_keys = OFF;
		CREATE TABLE post_new (id INTEGER PRIMARY KEY, title INTEGER NOT NULL, user_id INTEGER NOT NULL);
		INSERT INTO post_new SELECT id, length(title), user_id FROM post;
		DROP TABLE post;
		ALTER TABLE post_new RENAME TO post;
		CREATE TABLE profile_new (id INTEGER PRIMARY KEY, bio TEXT,
			user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);
		INSERT INTO profile_new SELECT * FROM user_profile;
		DROP TABLE user_profile;
		ALTER TABLE profile_new RENAME TO user_profile;
		DROP TABLE song;"
	;;
postgresql)
	run_sql seed "ALTER TABLE post DROP COLUMN body;
		ALTER TABLE post ALTER COLUMN title TYPE integer USING length(title);
		ALTER TABLE post DROP CONSTRAINT post_user_id_fkey;
		DROP INDEX ix_post_user_id;
		ALTER TABLE user_profile DROP CONSTRAINT user_profile_user_id_key;
		DROP TABLE song CASCADE;"
	;;
mysql)
	# MariaDB keeps an index under each foreign key, and a table that others
	# reference only with the checks off (the key to it stays).
	run_sql seed "ALTER TABLE post DROP FOREIGN KEY post_user_id_fkey;
		ALTER TABLE post DROP INDEX ix_post_user_id, DROP COLUMN body, MODIFY title INT NOT NULL;
		ALTER TABLE user_profile ADD INDEX by_user (user_id), DROP INDEX user_id;
		SET foreign_key_checks = 0;
		DROP TABLE song;"
	;;
esac
set -- drift-column-missing=post.body drift-column-mismatch=post.title \
	drift-fk-missing=post.post_user_id_fkey drift-index-missing=post.ix_post_user_id \
	drift-unique-missing=user_profile.user_profile_user_id_key drift-table-missing=song
# PostgreSQL drops the key into the table with it.
[ "$dialect" != postgresql ] || set -- "$@" drift-fk-missing=playlist_songs.playlist_songs_song_id_fkey
expect_drift "the seed's database, changed" "$prefix" .h "$models" "$(source_of seed)" "$@"

case $dialect in
postgresql)
	run_sql hostile "ALTER TABLE \"user\" ALTER COLUMN \"we\"\"ird\" SET DEFAULT 'its';
		ALTER TABLE \"user\" ALTER COLUMN \"two words\" DROP NOT NULL;
		ALTER TABLE \"user\" ALTER COLUMN price SET DEFAULT 0.25;"
	;;
mysql)
	run_sql hostile "ALTER TABLE user ALTER COLUMN \`we\"ird\` SET DEFAULT 'its',
		MODIFY \`two words\` BOOLEAN DEFAULT TRUE, ALTER COLUMN price SET DEFAULT 0.25;"
	;;
esac
if [ "$dialect" != sqlite ]; then
	expect_drift "hostile.sql's database, changed" "$prefix" .sql "$here/hostile.sql" "$(source_of hostile)" \
		'drift-column-mismatch=user.we"ird' 'drift-column-mismatch=user.two words' \
		drift-column-mismatch=user.price
fi

[ "$status" -eq 0 ] && echo "drift $dialect: ddl makes what diff finds the same, and diff finds each drift"
exit "$status"
