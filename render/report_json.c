/* Findings as JSON: {"format": "modelgraph-findings", "version": 1, …},
 * for scripts; the same data the text reporter prints. */

#include "analyzer/lint/lint.h"
#include "render/json_location.h"
#include "render/render.h"

void mg_report_json(const mg_findings *findings, mg_buf *out)
{
	mg_json json;
	mg_json_init(&json, out);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "format", "modelgraph-findings");
	mg_json_member_uint(&json, "version", 1);
	mg_json_key(&json, "findings");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < findings->count; i++) {
		const mg_finding *f = &findings->items[i];
		const mg_rule *rule = mg_rule_find(f->rule);
		mg_json_begin_object(&json);
		mg_json_member_string(&json, "rule", f->rule);
		mg_json_member_string(&json, "severity", mg_severity_name(f->severity));
		mg_json_member_string(&json, "message", f->message);
		mg_json_member_string(&json, "object", mg_object_kind_name(f->object));
		mg_json_member_string(&json, "path", f->path);
		mg_json_member_location(&json, "location", f->location);
		mg_json_member_string(&json, "fix", f->fix ? f->fix : rule ? rule->fix : NULL);
		mg_json_key(&json, "related");
		mg_json_begin_array(&json);
		for (size_t r = 0; r < f->nrelated; r++) {
			mg_json_begin_object(&json);
			mg_json_member_string(&json, "message", f->related[r].message);
			mg_json_member_string(&json, "object", mg_object_kind_name(f->related[r].object));
			mg_json_member_string(&json, "path", f->related[r].path);
			mg_json_member_location(&json, "location", f->related[r].location);
			mg_json_end_object(&json);
		}
		mg_json_end_array(&json);
		mg_json_end_object(&json);
	}
	mg_json_end_array(&json);
	mg_json_key(&json, "summary");
	mg_json_begin_object(&json);
	mg_json_member_uint(&json, "error", mg_findings_count(findings, MG_SEVERITY_ERROR));
	mg_json_member_uint(&json, "warning", mg_findings_count(findings, MG_SEVERITY_WARNING));
	mg_json_member_uint(&json, "note", mg_findings_count(findings, MG_SEVERITY_NOTE));
	mg_json_end_object(&json);
	mg_json_end_object(&json);
}
