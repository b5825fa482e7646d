/* Findings as GitHub Actions workflow commands, which GitHub shows as
 * annotations on the pull request's lines:
 *   ::warning file=schema.sql,line=12,col=3,title=fk-missing-index::message
 * Database findings have no line: the annotation names the file, and the
 * message names the object. The fix follows the message on a line of its
 * own (%0A), as the text format prints it. */

#include "analyzer/lint/lint.h"
#include "util/escape.h"
#include "render/render.h"

static const char *command(mg_severity severity)
{
	switch (severity) {
	case MG_SEVERITY_ERROR: return "error";
	case MG_SEVERITY_WARNING: return "warning";
	case MG_SEVERITY_NOTE: return "notice";
	case MG_SEVERITY_OFF: return "notice";
	}
	return "notice";
}

void mg_report_github(const mg_findings *findings, mg_buf *out)
{
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		mg_buf_printf(out, "::%s file=", command(f->severity));
		mg_escape_github_property(out, f->location.file);
		if (f->location.line) {
			mg_buf_printf(out, ",line=%u", f->location.line);
			if (f->location.column)
				mg_buf_printf(out, ",col=%u", f->location.column);
		}
		mg_buf_puts(out, ",title=");
		mg_escape_github_property(out, f->rule);
		mg_buf_puts(out, "::");
		if (!f->location.line) {
			mg_buf_printf(out, "%s \"", mg_object_kind_name(f->object));
			mg_escape_github_data(out, f->path);
			mg_buf_puts(out, "\": ");
		}
		mg_escape_github_data(out, f->message);
		const mg_rule *rule = mg_rule_find(f->rule);
		const char *fix = f->fix ? f->fix : rule ? rule->fix : NULL;
		if (fix) {
			/* The fix on a line of its own within the annotation. */
			mg_buf_puts(out, "%0Afix: ");
			mg_escape_github_data(out, fix);
		}
		mg_buf_putc(out, '\n');
	}
}
