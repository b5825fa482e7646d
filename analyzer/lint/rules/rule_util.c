#include "analyzer/lint/rules/rule_util.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"

const char *mg_column_list(mg_rule_context *ctx, mg_column *const *columns, size_t n)
{
	mg_buf list = MG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		mg_buf_printf(&list, "%s\"%s\"", i ? ", " : "", columns[i] ? columns[i]->name : "?");
	return mg_rule_take(ctx, &list);
}

/* True when the first n entries of `prefix` are exactly `columns`, in any order. */
static bool leads_with(mg_column *const *prefix, size_t nprefix, mg_column *const *columns, size_t n)
{
	if (nprefix < n || n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = prefix[j] == columns[i];
		if (!found)
			return false;
	}
	return true;
}

bool mg_table_has_leading_index(const mg_table *table, mg_column *const *columns, size_t n)
{
	/* The primary key is always indexed (SQLite's INTEGER PRIMARY KEY is the rowid itself). */
	if (leads_with(table->primary_key, table->npk, columns, n))
		return true;
	for (size_t i = 0; i < table->nindexes; i++) {
		const mg_index *index = table->indexes[i];
		if (!index->partial && leads_with(index->columns, index->ncolumns, columns, n))
			return true;
	}
	return false;
}

bool mg_table_is_stored(const mg_table *table)
{
	return table->kind != MG_TABLE_VIEW;
}
