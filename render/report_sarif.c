/* Findings as SARIF 2.1.0, for code scanning: the whole rule catalog in
 * tool.driver.rules, one result per finding with a physical location (C and
 * DDL sources: file, line, column; databases: the file) and a logical one
 * (the object path), related locations, and a fingerprint that survives
 * line moves (rule + object path). */

#include <stdint.h>
#include <string.h>

#include "analyzer/core/name_index.h"
#include "analyzer/lint/lint.h"
#include "util/escape.h"
#include "util/json_writer.h"
#include "render/render.h"

static const char *sarif_level(mg_severity severity)
{
	switch (severity) {
	case MG_SEVERITY_ERROR: return "error";
	case MG_SEVERITY_WARNING: return "warning";
	case MG_SEVERITY_NOTE: return "note";
	case MG_SEVERITY_OFF: return "none";
	}
	return "none";
}

/* SARIF's logical location kinds: "column" and "index" are not among them,
 * so objects inside a table are "member"s and tables "type"s. */
static const char *logical_kind(mg_object_kind kind)
{
	return kind == MG_OBJECT_TABLE ? "type" : "member";
}

static void write_text(mg_json *json, const char *key, const char *text)
{
	mg_json_key(json, key);
	mg_json_begin_object(json);
	mg_json_member_string(json, "text", text);
	mg_json_end_object(json);
}

static void write_uri(mg_json *json, const char *file)
{
	mg_buf uri = MG_BUF_INIT;
	mg_escape_uri_path(&uri, file);
	mg_json_key(json, "artifactLocation");
	mg_json_begin_object(json);
	mg_json_member_string(json, "uri", uri.data ? uri.data : "");
	mg_json_end_object(json);
	mg_buf_free(&uri);
}

static void write_physical(mg_json *json, mg_location location)
{
	mg_json_key(json, "physicalLocation");
	mg_json_begin_object(json);
	write_uri(json, location.file ? location.file : "");
	if (location.line) {
		mg_json_key(json, "region");
		mg_json_begin_object(json);
		mg_json_member_uint(json, "startLine", location.line);
		if (location.column)
			mg_json_member_uint(json, "startColumn", location.column);
		mg_json_end_object(json);
	}
	mg_json_end_object(json);
}

static void write_logical(mg_json *json, mg_object_kind kind, const char *path)
{
	mg_json_key(json, "logicalLocations");
	mg_json_begin_array(json);
	mg_json_begin_object(json);
	mg_json_member_string(json, "fullyQualifiedName", path);
	mg_json_member_string(json, "kind", logical_kind(kind));
	mg_json_end_object(json);
	mg_json_end_array(json);
}

static void write_rule(mg_json *json, const mg_rule *rule)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "id", rule->id);
	mg_json_member_string(json, "name", rule->id);
	write_text(json, "shortDescription", rule->summary);
	write_text(json, "fullDescription", rule->rationale);
	mg_json_key(json, "help");
	mg_json_begin_object(json);
	mg_buf help = MG_BUF_INIT;
	mg_render_rule_text(rule, &help);
	mg_json_member_string(json, "text", help.data ? help.data : "");
	mg_buf_free(&help);
	mg_json_end_object(json);
	mg_json_key(json, "defaultConfiguration");
	mg_json_begin_object(json);
	mg_json_member_string(json, "level", sarif_level(rule->severity));
	mg_json_end_object(json);
	mg_json_end_object(json);
}

/* FNV-1a over rule id and object path: the same finding keeps its
 * fingerprint when lines move. */
static void write_fingerprint(mg_json *json, const mg_finding *f)
{
	uint64_t h = 1469598103934665603u;
	for (const char *parts[] = {f->rule, "\x1f", f->path, NULL}, **p = parts; *p; p++)
		for (const unsigned char *c = (const unsigned char *)*p; *c; c++)
			h = (h ^ *c) * 1099511628211u;
	char hex[17];
	for (int i = 15; i >= 0; i--, h >>= 4)
		hex[i] = "0123456789abcdef"[h & 15];
	hex[16] = '\0';
	mg_json_key(json, "partialFingerprints");
	mg_json_begin_object(json);
	mg_json_member_string(json, "modelgraphObject/v1", hex);
	mg_json_end_object(json);
}

/* `rule_places` maps a rule's id to 1 + its place in the catalog: a
 * result is looked up once, not compared with every rule. */
static void write_result(mg_json *json, const mg_finding *f, const mg_name_index *rule_places)
{
	mg_json_begin_object(json);
	mg_json_member_string(json, "ruleId", f->rule);
	uintptr_t place = (uintptr_t)mg_name_index_get(rule_places, f->rule);
	if (place)
		mg_json_member_uint(json, "ruleIndex", place - 1);
	mg_json_member_string(json, "level", sarif_level(f->severity));
	write_text(json, "message", f->message);
	mg_json_key(json, "locations");
	mg_json_begin_array(json);
	mg_json_begin_object(json);
	write_physical(json, f->location);
	write_logical(json, f->object, f->path);
	mg_json_end_object(json);
	mg_json_end_array(json);
	if (f->nrelated) {
		mg_json_key(json, "relatedLocations");
		mg_json_begin_array(json);
		for (size_t r = 0; r < f->nrelated; r++) {
			mg_json_begin_object(json);
			mg_json_member_uint(json, "id", r + 1);
			write_physical(json, f->related[r].location);
			write_logical(json, f->related[r].object, f->related[r].path);
			write_text(json, "message", f->related[r].message);
			mg_json_end_object(json);
		}
		mg_json_end_array(json);
	}
	write_fingerprint(json, f);
	mg_json_end_object(json);
}

void mg_report_sarif(const mg_findings *findings, const char *tool_version, mg_buf *out)
{
	size_t nrules;
	const mg_rule *const *rules = mg_rules_all(&nrules);
	mg_name_index *rule_places = mg_rule_places_new();
	if (!rule_places) {
		out->failed = 1;
		return;
	}
	mg_json json;
	mg_json_init(&json, out);
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	mg_json_member_string(&json, "version", "2.1.0");
	mg_json_key(&json, "runs");
	mg_json_begin_array(&json);
	mg_json_begin_object(&json);
	mg_json_key(&json, "tool");
	mg_json_begin_object(&json);
	mg_json_key(&json, "driver");
	mg_json_begin_object(&json);
	mg_json_member_string(&json, "name", "modelgraph");
	mg_json_member_string(&json, "version", tool_version);
	mg_json_key(&json, "rules");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < nrules; i++)
		write_rule(&json, rules[i]);
	mg_json_end_array(&json);
	mg_json_end_object(&json);
	mg_json_end_object(&json);
	mg_json_member_string(&json, "columnKind", "unicodeCodePoints");
	mg_json_key(&json, "results");
	mg_json_begin_array(&json);
	for (size_t i = 0; i < findings->count; i++)
		write_result(&json, &findings->items[i], rule_places);
	mg_json_end_array(&json);
	mg_json_end_object(&json);
	mg_json_end_array(&json);
	mg_json_end_object(&json);
	mg_name_index_free(rule_places);
}
