"""Holds modelgraph's relationship rules to SQLAlchemy's verdict on every C
lint case.

For each case under CASES_DIR: modelgraph dumps the model and lints it;
sqlalchemy_oracle.py declares the same model with SQLAlchemy and configures
its mappers. Then:
  - SQLAlchemy raises    <=> modelgraph reports an error;
  - SQLAlchemy warns      => modelgraph reports a warning or an error;
  - every .good.h case is clean for SQLAlchemy.
Findings of modelgraph's own grammar and suppressions (annotation-*,
suppression-*) are not SQLAlchemy's to judge and are left out. Cases meant
to differ (checks SQLAlchemy does not make) are listed with the reason in
DIFFERENCES; a listed case that agrees is reported too, so the list stays
true.

usage: check_oracle.py MODELGRAPH CASES_DIR DIFFERENCES
       check_oracle.py --clean MODELGRAPH HEADER
The second form holds one model set (a realistic application's) to being
clean for both: SQLAlchemy neither raises nor warns, and modelgraph reports
no error.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sqlalchemy_oracle  # noqa: E402

OWN_RULES = ("annotation-", "suppression-")


def run(args):
    return subprocess.run(args, capture_output=True, text=True, check=False)


def read_differences(path):
    known = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition(" ")
            known[name] = reason.strip()
    return known


def verdicts(modelgraph, case, own_rules=False):
    dump = run([modelgraph, "dump", case])
    if dump.returncode != 0:
        return None, None, "dump failed: " + dump.stderr.strip()
    said = sqlalchemy_oracle.verdict(json.loads(dump.stdout))
    lint = run([modelgraph, "lint", "--format", "json", "--fail-on", "never", case])
    findings = [f for f in json.loads(lint.stdout)["findings"]
                if own_rules or not f["rule"].startswith(OWN_RULES)]
    return said, findings, None


def disagreement(name, said, findings):
    errors = sorted({f["rule"] for f in findings if f["severity"] == "error"})
    warnings = sorted({f["rule"] for f in findings if f["severity"] == "warning"})
    outcome = said["outcome"]
    if name.endswith(".good.h") and outcome != "ok":
        return "SQLAlchemy is not clean on a good case: %s %s" % (outcome, said["message"])
    if outcome == "error" and not errors:
        return "SQLAlchemy raises (%s) but modelgraph reports no error" % said["message"]
    if outcome != "error" and errors:
        return "modelgraph reports %s as errors but SQLAlchemy %s" % (
            ", ".join(errors), "only warns" if outcome == "warning" else "accepts the model")
    if outcome == "warning" and not warnings and not errors:
        return "SQLAlchemy warns (%s) but modelgraph reports nothing" % said["message"]
    return None


def check_clean(modelgraph, header):
    said, findings, failure = verdicts(modelgraph, header, own_rules=True)
    if failure:
        print("oracle: %s: %s" % (header, failure))
        return 1
    errors = sorted({f["rule"] for f in findings if f["severity"] == "error"})
    problems = []
    if said["outcome"] != "ok":
        problems.append("SQLAlchemy is not clean: %s %s" % (said["outcome"], said["message"]))
    if errors:
        problems.append("modelgraph reports errors: %s" % ", ".join(errors))
    for p in problems:
        print("oracle: %s: %s" % (header, p))
    print("oracle: %s: %s (%d findings below error)" % (
        header, "not clean" if problems else "clean",
        len([f for f in findings if f["severity"] != "error"])))
    return 1 if problems else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--clean":
        return check_clean(sys.argv[2], sys.argv[3])
    modelgraph, cases_dir, differences = sys.argv[1:4]
    known = read_differences(differences)
    problems, checked = [], 0
    for name in sorted(os.listdir(cases_dir)):
        if not name.endswith(".h"):
            continue
        said, findings, failure = verdicts(modelgraph, os.path.join(cases_dir, name))
        checked += 1
        if failure:
            problems.append("%s: %s" % (name, failure))
            continue
        differs = disagreement(name, said, findings)
        if differs and name not in known:
            problems.append("%s: %s" % (name, differs))
        elif not differs and name in known:
            problems.append("%s: listed as differing (%s), but SQLAlchemy and modelgraph agree"
                            % (name, known[name]))
    for name in sorted(set(known) - set(os.listdir(cases_dir))):
        problems.append("%s: listed in %s but there is no such case" % (name, differences))
    for p in problems:
        print("oracle: " + p)
    print("oracle: %d cases, %d disagreements not accounted for" % (checked, len(problems)))
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
