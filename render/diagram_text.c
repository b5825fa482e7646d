/* What Mermaid and PlantUML share: crow's-foot markers and column keys. */
#include "render/diagram_text.h"

static const char *const left_marker[] = {
	[MG_END_ONE] = "||",
	[MG_END_ZERO_OR_ONE] = "|o",
	[MG_END_ZERO_OR_MANY] = "}o",
};
static const char *const right_marker[] = {
	[MG_END_ONE] = "||",
	[MG_END_ZERO_OR_ONE] = "o|",
	[MG_END_ZERO_OR_MANY] = "o{",
};

const char *mg_diagram_marker(mg_diagram_end end, bool left)
{
	return left ? left_marker[end] : right_marker[end];
}

void mg_diagram_column_keys(const mg_table *t, const mg_column *c, mg_buf *out)
{
	size_t start = out->len;
	bool fk = false;
	for (size_t i = 0; i < t->nforeign_keys && !fk; i++)
		for (size_t k = 0; k < t->foreign_keys[i]->ncolumns; k++)
			fk |= t->foreign_keys[i]->columns[k] == c;
	if (c->pk_position)
		mg_buf_puts(out, "PK");
	if (fk)
		mg_buf_puts(out, out->len > start ? ",FK" : "FK");
	if (c->unique && !(c->pk_position && t->npk == 1))
		mg_buf_puts(out, out->len > start ? ",UK" : "UK");
}

const char *mg_diagram_column_type(const mg_column *c)
{
	if (c->sql_type && *c->sql_type)
		return c->sql_type;
	return c->type ? c->type : "";
}
