#!/usr/bin/python3
"""Checks what modelgraph wrote, one output per argument, each KIND:PATH:

  findings-json  lint --format json: parses, format modelgraph-findings
  sarif          SARIF 2.1.0: valid against tests/data's schema, rule indexes right
  github         one workflow command per line
  graph-json     dump: parses, format modelgraph-graph
  html-site      docs --format html (a directory): see check_html
  md-site        docs --format markdown (a directory): see check_markdown
  mermaid, plantuml, text
                 no raw control characters: see check_text

usage: check_outputs.py SARIF_SCHEMA KIND:PATH...
Prints one line per problem, prefixed by the path; exits 1 if any.

Only what the standard library and python3-jsonschema (Debian's) give:
jsonschema is imported only when a SARIF file is checked.
"""
import html.parser
import json
import os
import re
import sys

problems = []


def problem(path, text):
    problems.append("%s: %s" % (path, text))


def load_json(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        problem(path, "not UTF-8 JSON: %s" % e)
        return None


sarif_schema = None


def check_sarif(path, schema_path):
    global sarif_schema
    document = load_json(path)
    if document is None:
        return
    import jsonschema
    if sarif_schema is None:
        with open(schema_path) as f:
            sarif_schema = json.load(f)
    try:
        jsonschema.validate(document, sarif_schema)
    except jsonschema.ValidationError as e:
        problem(path, "SARIF does not validate: %s" % e.message)
        return
    for run in document["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for result in run.get("results", []):
            index = result.get("ruleIndex")
            if index is None or index >= len(rules) or rules[index]["id"] != result["ruleId"]:
                problem(path, "result %s has a wrong ruleIndex" % result.get("ruleId"))


def check_format(path, expected):
    document = load_json(path)
    if document is not None and document.get("format") != expected:
        problem(path, "format is %r, expected %r" % (document.get("format"), expected))


GITHUB = re.compile(r"^::(error|warning|notice) file=[^,:]*(,line=[0-9]+,col=[0-9]+)?,title=[a-z-]+::")


def check_github(path):
    with open(path, "rb") as f:
        for n, line in enumerate(f.read().split(b"\n")[:-1], 1):
            if not GITHUB.match(line.decode("utf-8", "replace")):
                problem(path, "line %d is not a workflow command: %r" % (n, line[:120]))


# Raw control characters but tab, line feed and carriage return: a name's
# line break or terminal escape must stay escaped in every output.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# In HTML, also the noncharacters U+FFFE and U+FFFF, which XML forbids and
# HTML calls parse errors.
HTML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def decode_text(path, data, forbidden=CONTROLS, utf8=True):
    """The text of `data`, None when it is not UTF-8 (and utf8 is wanted);
    reports the first forbidden character."""
    try:
        text = data.decode("utf-8" if utf8 else "latin-1")
    except UnicodeDecodeError as e:
        problem(path, "not valid UTF-8: %s" % e)
        return None
    bad = forbidden.search(text)
    if bad:
        problem(path, "raw character U+%04X at offset %d" % (ord(bad.group()), bad.start()))
    return text


class MarkupScan(html.parser.HTMLParser):
    """Finds markup that the inputs' names could have injected: a script
    that is not the site's own, an event handler attribute, a javascript:
    link, an element the templates never write."""

    # What the built-in templates and the inline diagrams use.
    ELEMENTS = set("""a abbr b body br button caption code col colgroup dd details div dl dt em
        footer form h1 h2 h3 h4 h5 h6 head header hr html i img input label li link main meta
        nav noscript ol option p pre script section select small span strong style summary sup
        sub table tbody td tfoot th thead title tr ul svg g path polygon polyline ellipse text
        title defs lineargradient stop a rect circle line image tspan desc metadata""".split())

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag not in self.ELEMENTS:
            problem(self.path, "unexpected element <%s> at line %d" % (tag, self.getpos()[0]))
        for name, value in attrs:
            if name.startswith("on"):
                problem(self.path, "event handler attribute %s=%r on <%s>" % (name, value, tag))
            if name in ("href", "src", "xlink:href") and value and \
                    value.strip().lower().startswith("javascript:"):
                problem(self.path, "javascript: link %r" % value)
        if tag == "script":
            src = dict(attrs).get("src")
            if src is not None and not re.match(r"^(\.\./)*(assets/[a-z-]+\.js|search-index\.js)$", src):
                problem(self.path, "script from %r" % src)
            self.in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            problem(self.path, "an input's script runs: %r" % data[:80])


def check_html(path):
    """A docs site: every page free of injected markup; the search index is
    JSON inside one assignment; every file inside the site."""
    for directory, _, files in os.walk(path):
        for name in files:
            file = os.path.join(directory, name)
            with open(file, "rb") as f:
                data = f.read()
            if name.endswith(".html"):
                text = decode_text(file, data, HTML_FORBIDDEN)
                if text is not None:
                    scan = MarkupScan(file)
                    scan.feed(text)
                    scan.close()
            elif name == "search-index.js":
                check_search_index(file, data)


def check_search_index(path, data):
    text = decode_text(path, data)
    if text is None:
        return
    match = re.search(r"^window\.mgSearchIndex = (.*);\s*$", text, re.S | re.M)
    if not match:
        problem(path, "not one assignment to window.mgSearchIndex")
        return
    try:
        json.loads(match.group(1))
    except ValueError as e:
        problem(path, "the index is not JSON: %s" % e)


# Raw HTML, which Markdown renderers other than GitHub's pass through: a tag
# other than the <br> the templates write.
MARKDOWN_INJECTED = re.compile(r"<(?!br>)/?[a-zA-Z!?]")


def check_markdown(path):
    for directory, _, files in os.walk(path):
        for name in files:
            if not name.endswith(".md"):
                continue
            file = os.path.join(directory, name)
            with open(file, "rb") as f:
                text = decode_text(file, f.read())
            if text is None:
                continue
            for n, line in enumerate(text.split("\n"), 1):
                if MARKDOWN_INJECTED.search(line):
                    problem(file, "line %d holds raw markup from an input: %r" % (n, line[:160]))


def check_text(path, utf8=True):
    """Mermaid, PlantUML (valid UTF-8) and the text format (any bytes, as
    the names were: it is for a terminal): no raw control characters."""
    for file in walk_files(path):
        with open(file, "rb") as f:
            decode_text(file, f.read(), utf8=utf8)


def walk_files(path):
    if os.path.isdir(path):
        for directory, _, files in os.walk(path):
            for name in sorted(files):
                yield os.path.join(directory, name)
    else:
        yield path


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: check_outputs.py SARIF_SCHEMA KIND:PATH...")
    schema = sys.argv[1]
    for arg in sys.argv[2:]:
        kind, _, path = arg.partition(":")
        if kind == "findings-json":
            check_format(path, "modelgraph-findings")
        elif kind == "graph-json":
            check_format(path, "modelgraph-graph")
        elif kind == "sarif":
            check_sarif(path, schema)
        elif kind == "github":
            check_github(path)
        elif kind == "html-site":
            check_html(path)
        elif kind == "md-site":
            check_markdown(path)
        elif kind in ("mermaid", "plantuml"):
            check_text(path)
        elif kind == "text":
            check_text(path, utf8=False)
        else:
            sys.exit("check_outputs.py: unknown kind %r" % kind)
    for line in problems:
        print(line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
