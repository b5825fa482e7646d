#ifndef MG_ESCAPE_H
#define MG_ESCAPE_H

#include "util/buf.h"

/*
 * All escaping lives here. Names in a schema are hostile input: quotes,
 * newlines, "<script>", invalid UTF-8 — every output format escapes them.
 */

/* A JSON string literal, quotes included. Control characters become \uXXXX;
 * bytes that are not valid UTF-8 become U+FFFD, so the output is valid JSON. */
void mg_escape_json_string(mg_buf *out, const char *s);

/* Text for one line of terminal output: control characters (newlines, ESC)
 * become \xNN, so a name cannot forge lines or colours. */
void mg_escape_text(mg_buf *out, const char *s);

/* Text for XML content and attribute values: & < > " ' become entities;
 * characters XML 1.0 forbids (most controls, invalid UTF-8) become U+FFFD. */
void mg_escape_xml(mg_buf *out, const char *s);

/* A relative URI reference for a file path (SARIF artifactLocation.uri):
 * bytes outside RFC 3986's unreserved set and "/" are percent-encoded. */
void mg_escape_uri_path(mg_buf *out, const char *path);

/* GitHub Actions workflow-command escaping: the message part ("data")
 * encodes % CR LF; a property value also encodes : and ,. */
void mg_escape_github_data(mg_buf *out, const char *s);
void mg_escape_github_property(mg_buf *out, const char *s);

/* Diagrams. Text inside a graphviz HTML-like label: & < > " ' become
 * entities, control characters the visible text \xNN, invalid UTF-8 and
 * U+FFFE, U+FFFF (graphviz parses the label as XML) U+FFFD, so a name never
 * becomes markup. */
void mg_escape_dot_html(mg_buf *out, const char *s);

/* A graphviz escString attribute value (tooltip, plain label): backslashes
 * doubled so \N or \l in a name stay text, control characters the visible
 * text \\xNN, invalid UTF-8, U+FFFE and U+FFFF U+FFFD (the SVG carries the
 * value). cgraph adds the DOT quoting. */
void mg_escape_dot_string(mg_buf *out, const char *s);

/* Display text in Mermaid and PlantUML, where no escape reaches every
 * context: ASCII letters, digits, space and _ - / . , : ( ) + = @ $ ! ? ' are
 * kept, as is valid non-ASCII UTF-8 but U+FFFE and U+FFFF; a double quote becomes ', < and > the
 * single guillemets ‹ ›, other ASCII punctuation and control characters
 * become U+FFFD, like invalid UTF-8. With `creole` (PlantUML), '~' is
 * written before _ - / . = @ $ ! ' so that no name turns into markup, a
 * separator, a comment or a preprocessor directive. */
void mg_escape_diagram_text(mg_buf *out, const char *s, int creole);

/* Text for HTML content and attribute values: & < > " ' become entities;
 * invalid UTF-8, control characters other than tab, newline and carriage
 * return, and the noncharacters U+FFFE and U+FFFF become U+FFFD, so every
 * page is valid UTF-8 and free of characters HTML calls parse errors. */
void mg_escape_html(mg_buf *out, const char *s);

/* Text for GitHub Markdown, inline (a table cell, a heading): markup
 * characters become entities as in HTML, Markdown punctuation is
 * backslash-escaped, line breaks become spaces, invalid UTF-8 (and U+FFFE,
 * U+FFFF) U+FFFD. */
void mg_escape_markdown(mg_buf *out, const char *s);

/* `len` bytes as valid UTF-8, unescaped otherwise: invalid sequences,
 * U+FFFE, U+FFFF and control characters other than tab and line breaks
 * become U+FFFD; NUL bytes are dropped. For text modelgraph built itself
 * from input. */
void mg_escape_utf8(mg_buf *out, const char *s, size_t len);

#endif
