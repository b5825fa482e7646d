#!/bin/sh
# The exit-status matrix of lint: --fail-on (error, warning, note, never)
# against inputs whose worst finding is an error, a warning, a note or
# nothing, each with and without a baseline that accepts every finding.
# 1 exactly when a reported finding reaches --fail-on; 0 otherwise.
# usage: check-exit-codes.sh MODELGRAPH
set -eu
modelgraph=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

# Worst finding: error (SET NULL on NOT NULL), warning (no primary key),
# note (an isolated table), none.
cat > error.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE SET NULL);
CREATE INDEX ix ON post (user_id);
SQL
cat > warning.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (user_id INTEGER REFERENCES users (id));
CREATE INDEX ix ON post (user_id);
SQL
cat > note.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
CREATE INDEX ix ON post (user_id);
CREATE TABLE setting (name TEXT PRIMARY KEY, value TEXT);
SQL
cat > clean.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
CREATE INDEX ix ON post (user_id);
SQL

rank() { case $1 in error) echo 3 ;; warning) echo 2 ;; note) echo 1 ;; *) echo 0 ;; esac; }

for input in error warning note clean; do
  "$modelgraph" lint "$input.sql" --write-baseline "$input.baseline" ||
    { echo "exit-codes: --write-baseline failed on $input.sql"; failures=$((failures + 1)); }
  for fail_on in error warning note never; do
    for baseline in none accepted; do
      set -- lint "$input.sql" --fail-on "$fail_on"
      [ "$baseline" = accepted ] && set -- "$@" --baseline "$input.baseline"
      expected=0
      if [ "$baseline" = none ] && [ "$fail_on" != never ] &&
         [ "$(rank "$input")" -ge "$(rank "$fail_on")" ] && [ "$input" != clean ]; then
        expected=1
      fi
      status=0
      "$modelgraph" "$@" > /dev/null 2>&1 || status=$?
      if [ "$status" -ne "$expected" ]; then
        echo "exit-codes: modelgraph $* exited $status, expected $expected"
        failures=$((failures + 1))
      fi
    done
  done
done
[ "$failures" -eq 0 ] || exit 1
echo "exit-codes: 32 combinations as expected"
