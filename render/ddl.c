/* The CREATE script the models imply: `modelgraph ddl` (ddl.h). */

#include "render/ddl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/lint/drift_sql.h"
#include "util/text.h"

/* MySQL refuses longer comments in strict mode. */
#define MYSQL_COLUMN_COMMENT_MAX 1024
#define MYSQL_TABLE_COMMENT_MAX 2048

/* A table pointer and its index, for finding a parent's index. */
typedef struct slot {
	const mg_table *table;
	size_t index;
} slot;

typedef struct writer {
	const mg_graph *graph;
	unsigned dialect;
	mg_buf *out;
	const mg_foreign_key **deferred; /* added after every table (not in SQLite) */
	size_t ndeferred;
	bool *done;                      /* by table index: created already */
	slot *slots;                     /* by table pointer: its index */
} writer;

/* ---- order ---- */

/* A min-heap of table indexes: the next table is the first by name. */
typedef struct heap {
	size_t *items, n;
} heap;

static void heap_push(heap *h, size_t v)
{
	size_t i = h->n++;
	h->items[i] = v;
	while (i && h->items[(i - 1) / 2] > h->items[i]) {
		size_t parent = (i - 1) / 2, tmp = h->items[parent];
		h->items[parent] = h->items[i];
		h->items[i] = tmp;
		i = parent;
	}
}

static size_t heap_pop(heap *h)
{
	size_t top = h->items[0];
	h->items[0] = h->items[--h->n];
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->n && h->items[l] < h->items[m])
			m = l;
		if (r < h->n && h->items[r] < h->items[m])
			m = r;
		if (m == i)
			break;
		size_t tmp = h->items[m];
		h->items[m] = h->items[i];
		h->items[i] = tmp;
		i = m;
	}
	return top;
}

static int slot_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const slot *)a)->table, y = (uintptr_t)((const slot *)b)->table;
	return x < y ? -1 : x > y;
}

static size_t index_of(const slot *slots, size_t n, const mg_table *table)
{
	slot key = {table, 0};
	const slot *found = bsearch(&key, slots, n, sizeof(*slots), slot_cmp);
	return found ? found->index : SIZE_MAX;
}

static bool creatable(const mg_table *t)
{
	return t->kind != MG_TABLE_VIEW && t->ncolumns > 0;
}

/* The foreign keys the script declares: declared ones to a table it creates. */
static bool declared_link(const mg_foreign_key *fk)
{
	return !fk->implied && fk->parent && creatable(fk->parent);
}

/* A foreign key that puts its parent's table before its child's: declared,
 * not self-referential, and not use_alter (added by ALTER TABLE at the end,
 * whatever the order, as create_all leaves it out of its sort). */
static bool orders(const mg_foreign_key *fk)
{
	return declared_link(fk) && fk->parent != fk->child && !fk->use_alter;
}

/* The first table by name among the parents of table `i` not placed yet;
 * SIZE_MAX when none. */
static size_t first_waited_parent(const writer *w, size_t i, const bool *placed)
{
	const mg_table *t = w->graph->tables[i];
	size_t first = SIZE_MAX;
	for (size_t k = 0; k < t->nforeign_keys; k++) {
		const mg_foreign_key *fk = t->foreign_keys[k];
		if (!orders(fk))
			continue;
		size_t p = index_of(w->slots, w->graph->ntables, fk->parent);
		if (p != SIZE_MAX && !placed[p] && p < first)
			first = p;
	}
	return first;
}

/*
 * Every table left waits for another: the table to create next, in a cycle
 * rather than downstream of one. Walks from table `start` to a parent it
 * waits for, and on, until a table comes back: the tables from there on are
 * a cycle, and the first of them by name goes next. `seen` holds `stamp`
 * for the tables of this walk, `path` their order.
 */
static size_t cycle_member(const writer *w, size_t start, const bool *placed, size_t *path,
			   size_t *seen, size_t stamp)
{
	size_t n = 0, i = start;
	while (i != SIZE_MAX && seen[i] != stamp) {
		seen[i] = stamp;
		path[n++] = i;
		i = first_waited_parent(w, i, placed);
	}
	if (i == SIZE_MAX)
		return start; /* not reached: a table left waits for one */
	size_t k = 0;
	while (path[k] != i)
		k++;
	size_t first = i;
	for (; k < n; k++)
		if (path[k] < first)
			first = path[k];
	return first;
}

/*
 * The order tables are created in: each after the tables its foreign keys
 * name, the first by name among those that may come next; when every table
 * left waits for another, the first by name of a cycle. -1 when out of memory.
 */
static int creation_order(writer *w, size_t *order)
{
	const mg_graph *g = w->graph;
	size_t n = g->ntables;
	slot *slots = w->slots;
	size_t *waiting = calloc(n ? n : 1, sizeof(*waiting));
	bool *placed = calloc(n ? n : 1, sizeof(*placed));
	size_t *path = malloc((n ? n : 1) * sizeof(*path));
	size_t *seen = calloc(n ? n : 1, sizeof(*seen));
	heap ready = {malloc((n ? n : 1) * sizeof(size_t)), 0};
	int status = -1;
	if (!slots || !waiting || !placed || !path || !seen || !ready.items)
		goto cleanup;
	for (size_t i = 0; i < n; i++)
		slots[i] = (slot){g->tables[i], i};
	qsort(slots, n, sizeof(*slots), slot_cmp);
	for (size_t i = 0; i < n; i++) {
		const mg_table *t = g->tables[i];
		for (size_t k = 0; k < t->nforeign_keys; k++)
			if (orders(t->foreign_keys[k]))
				waiting[i]++;
		if (!waiting[i])
			heap_push(&ready, i);
	}
	size_t count = 0, next_unplaced = 0, stamp = 0;
	while (count < n) {
		size_t i;
		if (ready.n) {
			i = heap_pop(&ready);
			if (placed[i])
				continue;
		} else {
			while (placed[next_unplaced])
				next_unplaced++;
			i = cycle_member(w, next_unplaced, placed, path, seen, ++stamp);
		}
		placed[i] = true;
		order[count++] = i;
		const mg_table *t = g->tables[i];
		for (size_t k = 0; k < t->nreferenced_by; k++) {
			const mg_foreign_key *fk = t->referenced_by[k];
			size_t child = index_of(slots, n, fk->child);
			if (!orders(fk) || child == SIZE_MAX || placed[child])
				continue;
			if (waiting[child] && --waiting[child] == 0)
				heap_push(&ready, child);
		}
	}
	status = 0;
cleanup:
	free(waiting);
	free(placed);
	free(path);
	free(seen);
	free(ready.items);
	return status;
}

/* ---- text ---- */

/* Text for a `--` comment: control characters (line breaks) become spaces. */
static void put_comment_text(mg_buf *out, const char *text)
{
	for (const char *p = text; *p; p++)
		mg_buf_putc(out, (unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p);
}

/* A description as `--` lines, one per line of it. */
static void put_comment_lines(mg_buf *out, const char *indent, const char *text)
{
	const char *p = text;
	do {
		size_t len = strcspn(p, "\r\n");
		mg_buf_printf(out, "%s--", indent);
		if (len) {
			mg_buf_putc(out, ' ');
			for (size_t i = 0; i < len; i++)
				mg_buf_putc(out, (unsigned char)p[i] < 0x20 || p[i] == 0x7f ? ' ' : p[i]);
		}
		mg_buf_putc(out, '\n');
		p += len;
		if (*p == '\r' && p[1] == '\n')
			p++;
		if (*p)
			p++;
	} while (*p);
}

/* A comment as a MySQL string, cut at a character boundary within `max` bytes. */
static void put_mysql_comment(mg_buf *out, const char *text, size_t max)
{
	size_t len = strlen(text);
	if (len <= max) {
		mg_dialect_put_string(out, text, MG_DIALECT_MYSQL);
		return;
	}
	while (len > max || (len && ((unsigned char)text[len] & 0xc0) == 0x80))
		len--;
	char *cut = malloc(len + 1);
	if (!cut) {
		out->failed = 1;
		return;
	}
	memcpy(cut, text, len);
	cut[len] = '\0';
	mg_dialect_put_string(out, cut, MG_DIALECT_MYSQL);
	free(cut);
}

static bool same_columns(mg_column *const *a, size_t na, mg_column *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* An index the script creates with CREATE INDEX. */
static bool created_index(const mg_index *ix)
{
	if (ix->origin != MG_INDEX_CREATED || ix->partial || !ix->ncolumns)
		return false;
	for (size_t i = 0; i < ix->ncolumns; i++)
		if (!ix->columns[i])
			return false;
	return true;
}

/* A unique constraint a CREATE UNIQUE INDEX of the same columns makes already. */
static bool unique_made_by_index(const mg_table *t, const mg_unique *u)
{
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *ix = t->indexes[i];
		if (ix->unique && created_index(ix) && same_columns(ix->columns, ix->ncolumns, u->columns, u->ncolumns))
			return true;
	}
	return false;
}

/* A unique constraint written on its column's line. */
static bool inline_unique(const mg_unique *u)
{
	return u->ncolumns == 1 && !u->name;
}

/* Whether the column's line says UNIQUE. */
static bool column_unique(const mg_table *t, const mg_column *c)
{
	if (t->npk == 1 && t->primary_key[0] == c)
		return false;
	for (size_t i = 0; i < t->nuniques; i++)
		if (inline_unique(&t->uniques[i]) && t->uniques[i].columns[0] == c &&
		    !unique_made_by_index(t, &t->uniques[i]))
			return true;
	return false;
}

/* Starts a line of the CREATE TABLE body: ends the previous one with a comma. */
static void next_item(writer *w, bool *first)
{
	mg_buf_puts(w->out, *first ? "\n" : ",\n");
	*first = false;
}

static void write_columns(writer *w, const mg_table *t, bool *first)
{
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		next_item(w, first);
		if (c->comment && w->dialect == MG_DIALECT_SQLITE)
			put_comment_lines(w->out, "    ", c->comment);
		mg_buf_puts(w->out, "    ");
		mg_dialect_put_column(w->out, c, w->dialect);
		if (t->npk == 1 && t->primary_key[0] == c)
			mg_buf_puts(w->out, " PRIMARY KEY");
		if (column_unique(t, c))
			mg_buf_puts(w->out, " UNIQUE");
		if (c->comment && w->dialect == MG_DIALECT_MYSQL) {
			mg_buf_puts(w->out, " COMMENT ");
			put_mysql_comment(w->out, c->comment, MYSQL_COLUMN_COMMENT_MAX);
		}
	}
}


/* The parent of `fk` is created after its child: the key waits for it. */
static bool waits_for_parent(const writer *w, const mg_foreign_key *fk)
{
	if (fk->parent == fk->child)
		return false;
	size_t parent = index_of(w->slots, w->graph->ntables, fk->parent);
	return parent != SIZE_MAX && !w->done[parent];
}

static void write_constraints(writer *w, const mg_table *t, bool *first)
{
	if (t->npk > 1) {
		next_item(w, first);
		mg_buf_puts(w->out, "    PRIMARY KEY (");
		mg_dialect_put_columns(w->out, t->primary_key, t->npk, w->dialect);
		mg_buf_putc(w->out, ')');
	}
	for (size_t i = 0; i < t->nuniques; i++) {
		const mg_unique *u = &t->uniques[i];
		if (inline_unique(u) || unique_made_by_index(t, u))
			continue;
		next_item(w, first);
		mg_buf_puts(w->out, "    ");
		if (u->name) {
			mg_buf_puts(w->out, "CONSTRAINT ");
			mg_dialect_put_name(w->out, u->name, w->dialect);
			mg_buf_putc(w->out, ' ');
		}
		mg_buf_puts(w->out, "UNIQUE (");
		mg_dialect_put_columns(w->out, u->columns, u->ncolumns, w->dialect);
		mg_buf_putc(w->out, ')');
	}
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_foreign_key *fk = t->foreign_keys[i];
		if (!declared_link(fk))
			continue;
		/* SQLite checks a foreign key only when rows are written: it may name
		 * a table created later. Elsewhere use_alter puts the key in an ALTER
		 * TABLE after every table, as create_all does. */
		if (w->dialect != MG_DIALECT_SQLITE && (fk->use_alter || waits_for_parent(w, fk))) {
			w->deferred[w->ndeferred++] = fk;
			continue;
		}
		mg_buf t_fk = MG_BUF_INIT;
		if (mg_dialect_put_fk_constraint(&t_fk, fk, w->dialect) && t_fk.data) {
			next_item(w, first);
			mg_buf_puts(w->out, "    ");
			mg_buf_put(w->out, t_fk.data, t_fk.len);
		}
		if (t_fk.failed)
			w->out->failed = 1;
		mg_buf_free(&t_fk);
	}
}

/* What the script leaves out of a table, as comments before it. */
static void write_left_out(writer *w, const mg_table *t)
{
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		const mg_foreign_key *fk = t->foreign_keys[i];
		if (fk->implied)
			continue;
		if (declared_link(fk)) {
			mg_buf columns = MG_BUF_INIT;
			bool known = mg_dialect_put_parent_columns(&columns, fk, w->dialect);
			mg_buf_free(&columns);
			if (known)
				continue;
			mg_buf_puts(w->out, "-- foreign key ");
			put_comment_text(w->out, fk->path);
			mg_buf_puts(w->out, " is left out: the columns it references are not in table \"");
			put_comment_text(w->out, fk->parent->path);
			mg_buf_puts(w->out, "\"\n");
			continue;
		}
		mg_buf_puts(w->out, "-- foreign key ");
		put_comment_text(w->out, fk->path);
		if (fk->parent) {
			mg_buf_puts(w->out, " is left out: its table is a view\n");
		} else {
			mg_buf_puts(w->out, " is left out: no table \"");
			put_comment_text(w->out, fk->parent_name);
			mg_buf_puts(w->out, "\" in the models\n");
		}
	}
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *ix = t->indexes[i];
		if (ix->origin != MG_INDEX_CREATED || created_index(ix))
			continue;
		mg_buf_puts(w->out, "-- index ");
		put_comment_text(w->out, ix->path);
		mg_buf_puts(w->out, ix->partial ? " is left out: its WHERE clause is not in the graph\n"
						: " is left out: it indexes an expression, which is not in the graph\n");
	}
}

static void write_indexes(writer *w, const mg_table *t)
{
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *ix = t->indexes[i];
		if (!created_index(ix))
			continue;
		mg_buf_puts(w->out, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
		mg_dialect_put_name(w->out, ix->name, w->dialect);
		mg_buf_puts(w->out, " ON ");
		mg_dialect_put_table(w->out, t, w->dialect);
		mg_buf_puts(w->out, " (");
		mg_dialect_put_columns(w->out, ix->columns, ix->ncolumns, w->dialect);
		mg_buf_puts(w->out, ");\n");
	}
}

static void write_postgresql_comments(writer *w, const mg_table *t)
{
	if (t->comment) {
		mg_buf_puts(w->out, "COMMENT ON TABLE ");
		mg_dialect_put_table(w->out, t, w->dialect);
		mg_buf_puts(w->out, " IS ");
		mg_dialect_put_string(w->out, t->comment, w->dialect);
		mg_buf_puts(w->out, ";\n");
	}
	for (size_t i = 0; i < t->ncolumns; i++) {
		const mg_column *c = t->columns[i];
		if (!c->comment)
			continue;
		mg_buf_puts(w->out, "COMMENT ON COLUMN ");
		mg_dialect_put_table(w->out, t, w->dialect);
		mg_buf_putc(w->out, '.');
		mg_dialect_put_name(w->out, c->name, w->dialect);
		mg_buf_puts(w->out, " IS ");
		mg_dialect_put_string(w->out, c->comment, w->dialect);
		mg_buf_puts(w->out, ";\n");
	}
}

static void write_table(writer *w, const mg_table *t)
{
	mg_buf_putc(w->out, '\n');
	if (t->kind == MG_TABLE_VIEW || !t->ncolumns) {
		mg_buf_puts(w->out, t->kind == MG_TABLE_VIEW ? "-- view " : "-- table ");
		put_comment_text(w->out, t->path);
		mg_buf_puts(w->out, t->kind == MG_TABLE_VIEW ? " is left out: its query is not in the graph\n"
							      : " is left out: it has no columns\n");
		return;
	}
	if (t->comment && w->dialect == MG_DIALECT_SQLITE)
		put_comment_lines(w->out, "", t->comment);
	write_left_out(w, t);
	mg_buf_puts(w->out, "CREATE TABLE ");
	mg_dialect_put_table(w->out, t, w->dialect);
	mg_buf_puts(w->out, " (");
	bool first = true;
	write_columns(w, t, &first);
	write_constraints(w, t, &first);
	mg_buf_puts(w->out, "\n)");
	if (w->dialect == MG_DIALECT_MYSQL) {
		mg_buf_puts(w->out, " ENGINE=InnoDB");
		if (t->comment) {
			mg_buf_puts(w->out, " COMMENT=");
			put_mysql_comment(w->out, t->comment, MYSQL_TABLE_COMMENT_MAX);
		}
	}
	mg_buf_puts(w->out, ";\n");
	if (w->dialect == MG_DIALECT_POSTGRESQL)
		write_postgresql_comments(w, t);
	write_indexes(w, t);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* CREATE SCHEMA for each schema the tables name, in name order. */
static int write_schemas(writer *w)
{
	const mg_graph *g = w->graph;
	const char **names = malloc((g->ntables ? g->ntables : 1) * sizeof(*names));
	if (!names)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < g->ntables; i++)
		if (g->tables[i]->schema && creatable(g->tables[i]))
			names[n++] = g->tables[i]->schema;
	qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(names[i], names[i - 1]) == 0)
			continue;
		mg_buf_puts(w->out, i ? "" : "\n");
		mg_buf_puts(w->out, "CREATE SCHEMA IF NOT EXISTS ");
		mg_dialect_put_name(w->out, names[i], w->dialect);
		mg_buf_puts(w->out, ";\n");
	}
	free(names);
	return 0;
}

static int bare_name_cmp(const void *a, const void *b)
{
	return mg_ascii_casecmp(mg_table_bare_name(*(const mg_table *const *)a),
				mg_table_bare_name(*(const mg_table *const *)b));
}

/* SQLite has no schemas, and in MySQL every table goes into one database
 * (mg_dialect_put_table): two schemas' tables of one name would be one table. */
static int check_bare_names(const mg_graph *g, unsigned dialect, mg_error *err)
{
	const mg_table **tables = malloc((g->ntables ? g->ntables : 1) * sizeof(*tables));
	if (!tables) {
		mg_error_set(err, "out of memory while writing the script");
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < g->ntables; i++)
		if (creatable(g->tables[i]))
			tables[n++] = g->tables[i];
	qsort(tables, n, sizeof(*tables), bare_name_cmp);
	int status = 0;
	for (size_t i = 1; i < n && status == 0; i++) {
		if (bare_name_cmp(&tables[i - 1], &tables[i]) != 0)
			continue;
		mg_error_set(err, "tables \"%s\" and \"%s\" would both be \"%s\" in %s, where every "
			     "table goes into one database; write the script with --dialect postgresql, "
			     "or rename one", tables[i - 1]->path, tables[i]->path,
			     mg_table_bare_name(tables[i]), dialect == MG_DIALECT_MYSQL ? "MySQL" : "SQLite");
		status = -1;
	}
	free(tables);
	return status;
}

/* A source's name in a comment: no control characters. */
static void write_header(writer *w)
{
	const mg_graph *g = w->graph;
	static const char *const names[] = {
		[MG_DIALECT_SQLITE] = "SQLite",
		[MG_DIALECT_POSTGRESQL] = "PostgreSQL",
		[MG_DIALECT_MYSQL] = "MySQL and MariaDB",
	};
	mg_buf_printf(w->out, "-- The tables the models declare, for %s, parents first.\n-- Written by modelgraph ddl from",
		      names[w->dialect]);
	for (size_t i = 0; i < g->nsources; i++) {
		mg_buf_puts(w->out, i ? ", " : " ");
		put_comment_text(w->out, g->sources[i].name);
	}
	mg_buf_puts(w->out, ".\n");
}

int mg_render_ddl(const mg_graph *graph, const char *dialect_name, mg_buf *out, mg_error *err)
{
	unsigned dialect = mg_dialect_from_option(dialect_name);
	if (!dialect) {
		mg_error_set(err, "no SQL dialect \"%s\"; write sqlite, postgresql or mysql", dialect_name);
		return -1;
	}
	size_t n = graph->ntables;
	size_t nfks = 0;
	for (size_t i = 0; i < n; i++)
		nfks += graph->tables[i]->nforeign_keys;
	writer w = {
		.graph = graph,
		.dialect = dialect,
		.out = out,
		.deferred = malloc((nfks ? nfks : 1) * sizeof(*w.deferred)),
		.done = calloc(n ? n : 1, sizeof(*w.done)),
		.slots = malloc((n ? n : 1) * sizeof(*w.slots)),
	};
	size_t *order = malloc((n ? n : 1) * sizeof(*order));
	int status = -1;
	if (!w.deferred || !w.done || !w.slots || !order || creation_order(&w, order) < 0) {
		mg_error_set(err, "out of memory while writing the script");
		goto cleanup;
	}
	if (dialect != MG_DIALECT_POSTGRESQL && check_bare_names(graph, dialect, err) < 0)
		goto cleanup;
	write_header(&w);
	if (dialect == MG_DIALECT_POSTGRESQL && write_schemas(&w) < 0) {
		mg_error_set(err, "out of memory while writing the script");
		goto cleanup;
	}
	for (size_t k = 0; k < n; k++) {
		write_table(&w, graph->tables[order[k]]);
		w.done[order[k]] = true;
	}
	bool any_use_alter = false;
	for (size_t k = 0; k < w.ndeferred; k++)
		any_use_alter = any_use_alter || w.deferred[k]->use_alter;
	if (w.ndeferred)
		mg_buf_puts(out, any_use_alter ? "\n-- Foreign keys to tables created after their own, and "
						 "those with use_alter.\n"
					       : "\n-- Foreign keys to tables created after their own.\n");
	for (size_t k = 0; k < w.ndeferred; k++) {
		const mg_foreign_key *fk = w.deferred[k];
		mg_buf_puts(out, "ALTER TABLE ");
		mg_dialect_put_table(out, fk->child, dialect);
		mg_buf_puts(out, " ADD ");
		mg_dialect_put_fk_constraint(out, fk, dialect);
		mg_buf_puts(out, ";\n");
	}
	status = 0;
cleanup:
	free(w.deferred);
	free(w.done);
	free(w.slots);
	free(order);
	return status;
}
