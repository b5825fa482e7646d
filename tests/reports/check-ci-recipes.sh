#!/bin/sh
# Runs every `modelgraph` command of docs/ci.md (lint, diff, ddl), as a user pasting the
# recipes would, on the bundled example models placed where the recipes
# expect them (include/models/*.h), and checks what each writes.
# usage: check-ci-recipes.sh MODELGRAPH SOURCE_DIR SHARED_TESTDATA_DIR
set -eu
modelgraph=$1
src=$2
testdata=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-ci-recipes: $*" >&2; exit 1; }
python=/usr/bin/python3
[ -x "$python" ] || python=python3

mkdir -p "$work/include/models" "$work/bin"
# The seed's models (mistakes.h redefines them, as a separate example).
cp "$src"/examples/blog.h "$src"/examples/music.h "$src"/examples/profile.h "$work/include/models/"
# One model with findings, so every format has something to say and the
# baseline something to accept.
cat > "$work/include/models/legacy.h" <<'H'
#include <modelgraph/annotations.h>
struct Order {
    int id MG_COLUMN(primary_key=true);
    int user_id MG_FOREIGN_KEY(users.id, ondelete=SET NULL, nullable=false);
} MG_MODEL();
H
ln -s "$modelgraph" "$work/bin/modelgraph"
# The database the drift recipe compares with: the seed's tables, without
# legacy.h's.
sqlite3 "$work/app.db" < "$src/examples/seed.sql"

# The commands: lines of docs/ci.md that run modelgraph (after "run:", "- ",
# or alone in a sh block).
sed -n 's/^[[:space:]]*\(run:[[:space:]]*\|-[[:space:]]*\)\{0,1\}\(modelgraph \(lint\|diff\|ddl\) .*\)$/\2/p' \
  "$src/docs/ci.md" > "$work/commands"
[ "$(wc -l < "$work/commands")" -ge 7 ] || fail "expected at least 5 commands in docs/ci.md, found $(wc -l < "$work/commands")"

cd "$work"
while IFS= read -r command; do
  status=0
  PATH="$work/bin:$PATH" sh -c "$command" > stdout 2> stderr || status=$?
  [ "$status" -le 1 ] || { cat stderr >&2; fail "\"$command\" exited $status"; }
  case $command in
  *"--write-baseline"*)
    # It says how many findings it wrote, and nothing else.
    grep -v -q -E '^modelgraph: .*: [0-9]+ findings? written as the baseline$' stderr &&
      { cat stderr >&2; fail "\"$command\" wrote more than its count to stderr"; }
    grep -q 'written as the baseline' stderr || fail "\"$command\" did not say what it wrote" ;;
  *) [ -s stderr ] && { cat stderr >&2; fail "\"$command\" wrote to stderr"; } ;;
  esac
  case $command in
  *"--format github"*)
    grep -q '^::error file=include/models/legacy.h,line=' stdout || fail "\"$command\": no annotation for legacy.h"
    if grep -v -E '^::(error|warning|notice) file=' stdout >&2; then fail "\"$command\": not workflow commands"; fi ;;
  *"--format sarif"*)
    "$python" -c "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))" \
      "$testdata/sarif/sarif-schema-2.1.0.json" modelgraph.sarif || fail "\"$command\": invalid SARIF" ;;
  *"--format junit"*)
    xmllint --noout --schema "$testdata/junit/JUnit.xsd" modelgraph-junit.xml 2>/dev/null ||
      fail "\"$command\": invalid JUnit" ;;
  *"--write-baseline"*)
    "$python" -c "import json,sys; assert json.load(open(sys.argv[1]))['format'] == 'modelgraph-baseline'" \
      .modelgraph-baseline.json || fail "\"$command\": no baseline written" ;;
  *"--baseline"*)
    [ "$status" -eq 0 ] || fail "\"$command\": findings the baseline accepts still fail" ;;
  *"modelgraph ddl"*)
    sqlite3 "$work/fresh.db" < schema.sql || fail "\"$command\": sqlite3 refuses the script"
    [ "$(sqlite3 "$work/fresh.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table'")" -eq 7 ] ||
      fail "\"$command\": not the 7 tables of the models" ;;
  esac
done < "$work/commands"
echo "check-ci-recipes: $(wc -l < "$work/commands") commands of docs/ci.md ran"
