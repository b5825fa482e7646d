"""Checks the findings `modelgraph diff --format json` wrote: exactly the
expected (rule, path) pairs, each with both locations, the models' at a line
of a models file and the database's in the database.

usage: check.py FINDINGS_JSON DATABASE_PREFIX MODELS_SUFFIX RULE=PATH...

DATABASE_PREFIX starts the file name of every location in the database (the
file, or "postgresql://" and "mysql://" for a server); MODELS_SUFFIX ends the
file name of every location in the models (".h", ".sql").
"""

import json
import sys


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    path, database, models = sys.argv[1:4]
    expected = sorted(tuple(arg.split("=", 1)) for arg in sys.argv[4:])
    with open(path, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    problems = []
    actual = sorted((f["rule"], f["path"]) for f in findings)
    for pair in expected:
        if pair not in actual:
            problems.append("missing: %s on %s" % pair)
    for pair in actual:
        if pair not in expected:
            problems.append("unexpected: %s on %s" % pair)

    def in_models(location):
        return (location.get("file") or "").endswith(models) and location.get("line", 0) > 0

    def in_database(location):
        return (location.get("file") or "").startswith(database)

    for f in findings:
        places = [f["location"]] + [r["location"] for r in f.get("related", [])]
        if not any(in_models(p) for p in places) or not any(in_database(p) for p in places):
            problems.append("%s on %s: not located on both sides: %s"
                            % (f["rule"], f["path"], json.dumps(places)))
        if not f.get("fix"):
            problems.append("%s on %s: no fix" % (f["rule"], f["path"]))
    for problem in problems:
        print("drift: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
