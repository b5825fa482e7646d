/* Findings as text, in the format compilers and editors use:
 *   file:line:col: warning: message [rule-id]
 * and, for databases, which have no lines:
 *   app.db: table "post": warning: message [rule-id]
 * followed by `note:` lines for related places and a `fix:` hint. */

#include "analyzer/lint/lint.h"
#include "util/escape.h"
#include "render/render.h"

static const char *severity_color(mg_severity severity)
{
	switch (severity) {
	case MG_SEVERITY_ERROR: return "\033[1;31m";
	case MG_SEVERITY_WARNING: return "\033[1;35m";
	case MG_SEVERITY_NOTE: return "\033[1;36m";
	case MG_SEVERITY_OFF: return "";
	}
	return "";
}

static void write_place(mg_buf *out, mg_location location, mg_object_kind kind, const char *path)
{
	mg_escape_text(out, location.file ? location.file : "<unknown>");
	if (location.line) {
		mg_buf_printf(out, ":%u", location.line);
		if (location.column)
			mg_buf_printf(out, ":%u", location.column);
		mg_buf_puts(out, ": ");
		return;
	}
	mg_buf_printf(out, ": %s \"", mg_object_kind_name(kind));
	mg_escape_text(out, path);
	mg_buf_puts(out, "\": ");
}

static void write_severity(mg_buf *out, const char *name, mg_severity severity, bool color)
{
	if (color)
		mg_buf_printf(out, "%s%s:\033[0m ", severity_color(severity), name);
	else
		mg_buf_printf(out, "%s: ", name);
}

static void write_finding(mg_buf *out, const mg_finding *f, const mg_text_report_options *options)
{
	write_place(out, f->location, f->object, f->path);
	write_severity(out, mg_severity_name(f->severity), f->severity, options->color);
	mg_escape_text(out, f->message);
	mg_buf_printf(out, " [%s]\n", f->rule);
	for (size_t i = 0; i < f->nrelated; i++) {
		const mg_related *r = &f->related[i];
		write_place(out, r->location, r->object, r->path);
		write_severity(out, "note", MG_SEVERITY_NOTE, options->color);
		mg_escape_text(out, r->message);
		mg_buf_putc(out, '\n');
	}
	const mg_rule *rule = mg_rule_find(f->rule);
	const char *fix = f->fix ? f->fix : rule ? rule->fix : NULL;
	if (options->fix_hints && fix) {
		mg_buf_puts(out, "  fix: ");
		mg_escape_text(out, fix);
		mg_buf_putc(out, '\n');
	}
}

static void write_count(mg_buf *out, size_t n, const char *what, bool *first)
{
	if (!n)
		return;
	mg_buf_printf(out, "%s%zu %s%s", *first ? "" : ", ", n, what, n == 1 ? "" : "s");
	*first = false;
}

void mg_report_text(const mg_findings *findings, const mg_text_report_options *options, mg_buf *out)
{
	for (size_t i = 0; i < findings->count; i++)
		write_finding(out, &findings->items[i], options);
	if (!findings->count) {
		mg_buf_puts(out, "no findings\n");
		return;
	}
	bool first = true;
	write_count(out, mg_findings_count(findings, MG_SEVERITY_ERROR), "error", &first);
	write_count(out, mg_findings_count(findings, MG_SEVERITY_WARNING), "warning", &first);
	write_count(out, mg_findings_count(findings, MG_SEVERITY_NOTE), "note", &first);
	mg_buf_putc(out, '\n');
}
