/* primaryjoin= and secondaryjoin= of MG_RELATIONSHIP: the option's text
 * parsed into a join condition (analyzer/core/join_condition.h), each term
 * placed where it is written, so a column naming nothing is reported at
 * its own file:line:col. */

#include "analyzer/c/c_model.h"
#include "analyzer/core/join_condition.h"
#include "util/text.h"

/*
 * The byte of the options text that holds byte `at` of the value's `str`.
 * A quoted value's str has its escapes decoded; an unquoted one has its
 * runs of spaces made one: walk the raw text the same way.
 */
static size_t raw_offset(const mg_annotation_value *v, size_t at)
{
	const char *raw = v->raw;
	size_t i = 0, n = 0;
	if (raw[0] == '"') {
		/* Adjacent literals are one string: a closing quote followed by an
		 * opening one is skipped, before a byte is counted or after the last. */
		for (i = 1; raw[i];) {
			if (raw[i] == '"') {
				size_t j = i + 1;
				while (raw[j] && mg_ascii_isspace(raw[j]))
					j++;
				if (raw[j] != '"')
					break;
				i = j + 1;
				continue;
			}
			if (n == at)
				break;
			i += raw[i] == '\\' && raw[i + 1] ? 2 : 1;
			n++;
		}
	} else {
		while (raw[i] && mg_ascii_isspace(raw[i]))
			i++;
		while (raw[i] && n < at) {
			if (mg_ascii_isspace(raw[i])) {
				while (raw[i + 1] && mg_ascii_isspace(raw[i + 1]))
					i++;
			}
			i++;
			n++;
		}
	}
	return v->offset + i;
}

struct mg_join_condition *mg_c_join_option(mg_c_builder *b, const mg_c_parsed *p, const char *key)
{
	const mg_annotation_value *v = mg_annotation_get(p->a, key);
	if (!v)
		return NULL;
	mg_location at = mg_c_annotation_position(p->source, raw_offset(v, 0));
	mg_join_condition *cond = mg_join_parse(b->graph->arena, v->str, at);
	if (!cond) {
		b->failed = 1;
		return NULL;
	}
	for (size_t i = 0; i < 2 * cond->ncomparisons; i++) {
		mg_join_term *t = mg_join_term_at(cond, i);
		t->location = mg_c_annotation_position(p->source, raw_offset(v, t->offset));
	}
	return cond;
}
