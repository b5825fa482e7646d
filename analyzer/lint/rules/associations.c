/* Rules on association tables (the `secondary` of many-to-many relationships). */

#include <stdio.h>

#include "analyzer/lint/lint.h"
#include "analyzer/lint/rules/relationships.h"
#include "analyzer/lint/rules/rule_util.h"

/* The declared foreign keys of a table, when it has exactly two. */
static bool two_foreign_keys(const mg_table *t, const mg_foreign_key *out[2])
{
	size_t n = 0;
	for (size_t i = 0; i < t->nforeign_keys; i++) {
		if (t->foreign_keys[i]->implied)
			continue;
		if (n == 2)
			return false;
		out[n++] = t->foreign_keys[i];
	}
	return n == 2 && out[0]->parent && out[1]->parent;
}

/* The union of the two foreign keys' columns, in table order, in `out`
 * (room for every column of the table). */
static size_t link_columns(const mg_table *t, const mg_foreign_key *fks[2], mg_column **out)
{
	size_t n = 0;
	for (size_t c = 0; c < t->ncolumns; c++)
		for (size_t f = 0; f < 2; f++) {
			bool in = false;
			for (size_t k = 0; k < fks[f]->ncolumns && !in; k++)
				in = fks[f]->columns[k] == t->columns[c];
			if (in) {
				out[n++] = t->columns[c];
				break;
			}
		}
	return n;
}

/* ---- assoc-no-key ---- */

static bool all_within(mg_column *const *key, size_t nkey, mg_column *const *cols, size_t n)
{
	if (nkey == 0)
		return false;
	for (size_t i = 0; i < nkey; i++) {
		bool found = false;
		for (size_t j = 0; j < n && !found; j++)
			found = key[i] && key[i] == cols[j];
		if (!found)
			return false;
	}
	return true;
}

/* True when a key of the table (primary key, unique constraint, full unique
 * index) lies within `cols`: then no two rows agree on all of `cols`. */
static bool has_key_within(const mg_table *t, mg_column *const *cols, size_t n)
{
	if (all_within(t->primary_key, t->npk, cols, n))
		return true;
	for (size_t i = 0; i < t->nuniques; i++)
		if (all_within(t->uniques[i].columns, t->uniques[i].ncolumns, cols, n))
			return true;
	for (size_t i = 0; i < t->nindexes; i++) {
		const mg_index *index = t->indexes[i];
		if (index->unique && !index->partial && all_within(index->columns, index->ncolumns, cols, n))
			return true;
	}
	return false;
}

static void check_no_key(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		const mg_foreign_key *fks[2];
		if (t->kind != MG_TABLE_ASSOCIATION || !two_foreign_keys(t, fks))
			continue;
		mg_column **cols = mg_arena_alloc(ctx->findings->arena, t->ncolumns * sizeof(*cols));
		if (!cols) {
			ctx->failed = 1;
			return;
		}
		size_t n = link_columns(t, fks, cols);
		if (has_key_within(t, cols, n))
			continue;
		mg_finding *f = mg_report_table(ctx, t,
				"association table \"%s\" has no primary key or unique constraint over (%s); "
				"the same \"%s\" and \"%s\" can be linked twice",
				t->name, mg_column_list(ctx, cols, n), fks[0]->parent->name,
				fks[1]->parent->name);
		if (mg_table_is_c(t) && n == 2) {
			mg_rel_set_fix(ctx, f, "add MG_PRIMARY_KEY(%s, %s) to the MG_TABLE(%s)",
				       cols[0]->name, cols[1]->name, t->name);
		} else {
			mg_arena *arena = ctx->findings->arena;
			const char *ux = mg_arena_printf(arena, "ux_%s", t->name);
			const char *on = mg_sql_name(arena, t->name);
			const char *list = mg_sql_column_list(arena, cols, n);
			ux = ux ? mg_sql_name(arena, ux) : NULL;
			if (!ux || !on || !list)
				ctx->failed = 1;
			else
				mg_rel_set_fix(ctx, f, "key the links: CREATE UNIQUE INDEX %s ON %s (%s);", ux, on,
					       list);
		}
	}
}

const mg_rule mg_rule_assoc_no_key = {
	.id = "assoc-no-key",
	.severity = MG_SEVERITY_WARNING,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "An association table has no primary key or unique constraint over its foreign keys.",
	.rationale = "Nothing stops a song from being added to the same playlist twice; the "
		     "duplicates show up twice in every collection and a remove deletes both.",
	.bad_sql = "CREATE TABLE song (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE playlist (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE playlist_songs (\n"
		   "  song_id INTEGER REFERENCES song(id),\n"
		   "  playlist_id INTEGER REFERENCES playlist(id));",
	.good_sql = "CREATE TABLE song (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE playlist (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE playlist_songs (\n"
		    "  song_id INTEGER REFERENCES song(id),\n"
		    "  playlist_id INTEGER REFERENCES playlist(id),\n"
		    "  PRIMARY KEY (song_id, playlist_id));",
	.bad_c = "struct Song { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Playlist { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct PlaylistSong {\n"
		 "    int song_id      MG_FOREIGN_KEY(song.id);\n"
		 "    int playlist_id  MG_FOREIGN_KEY(playlist.id);\n"
		 "} MG_TABLE(playlist_songs);",
	.good_c = "struct Song { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Playlist { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct PlaylistSong {\n"
		  "    int song_id      MG_FOREIGN_KEY(song.id);\n"
		  "    int playlist_id  MG_FOREIGN_KEY(playlist.id);\n"
		  "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.fix = "Make the two foreign keys' columns the primary key of the association table.",
	.fix_c = "Add MG_PRIMARY_KEY(a_id, b_id) over the two MG_FOREIGN_KEY fields to the MG_TABLE.",
	.check = check_no_key,
};

/* ---- assoc-extra-columns ---- */

static void check_extra_columns(mg_rule_context *ctx)
{
	const mg_graph *g = ctx->graph;
	for (size_t i = 0; i < g->ntables; i++) {
		const mg_table *t = g->tables[i];
		const mg_foreign_key *fks[2];
		if (t->kind != MG_TABLE_PLAIN || !two_foreign_keys(t, fks))
			continue;
		mg_column **cols = mg_arena_alloc(ctx->findings->arena, t->ncolumns * sizeof(*cols));
		if (!cols) {
			ctx->failed = 1;
			return;
		}
		size_t n = link_columns(t, fks, cols);
		if (n == t->ncolumns || !mg_table_is_key(t, cols, n))
			continue;
		/* A surrogate key the database assigns is no data of the link's own:
		 * inserting the two foreign keys alone fills it. */
		const mg_column *extra = NULL;
		size_t nextra = 0;
		for (size_t c = 0; c < t->ncolumns; c++) {
			bool linked = t->columns[c]->autoincrement;
			for (size_t k = 0; k < n && !linked; k++)
				linked = cols[k] == t->columns[c];
			if (!linked && !nextra++)
				extra = t->columns[c];
		}
		if (!extra)
			continue;
		mg_report_table(ctx, t,
				"table \"%s\" links \"%s\" and \"%s\" but also holds %zu other column(s) such as \"%s\"; "
				"map it as an association object, not as a secondary table",
				t->name, fks[0]->parent->name, fks[1]->parent->name, nextra, extra->name);
	}
}

const mg_rule mg_rule_assoc_extra_columns = {
	.id = "assoc-extra-columns",
	.severity = MG_SEVERITY_NOTE,
	.sources = MG_RULE_SOURCE_ANY,
	.summary = "A table keyed by two foreign keys also holds data of its own.",
	.rationale = "Used as `secondary`, SQLAlchemy writes only the two keys: the other columns "
		     "get their defaults and cannot be read through the relationship. Such a table "
		     "is an association object: a model of its own with two many-to-one relationships.",
	.without_orm = "Without an ORM, code that inserts only the two keys leaves the other columns at "
		       "their defaults, and code that reads the many-to-many never sees them.",
	.bad_sql = "CREATE TABLE song (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE playlist (id INTEGER PRIMARY KEY);\n"
		   "CREATE TABLE playlist_songs (\n"
		   "  song_id INTEGER REFERENCES song(id),\n"
		   "  playlist_id INTEGER REFERENCES playlist(id),\n"
		   "  position INTEGER NOT NULL,\n"
		   "  PRIMARY KEY (song_id, playlist_id));",
	.good_sql = "-- playlist_songs stays a pure link (secondary=playlist_songs); the position\n"
		    "-- of a song in a playlist lives in a model of its own.\n"
		    "CREATE TABLE song (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE playlist (id INTEGER PRIMARY KEY);\n"
		    "CREATE TABLE playlist_songs (\n"
		    "  song_id INTEGER REFERENCES song(id),\n"
		    "  playlist_id INTEGER REFERENCES playlist(id),\n"
		    "  PRIMARY KEY (song_id, playlist_id));",
	.bad_c = "struct Song { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct Playlist { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		 "struct PlaylistSong {\n"
		 "    int song_id      MG_FOREIGN_KEY(song.id);\n"
		 "    int playlist_id  MG_FOREIGN_KEY(playlist.id);\n"
		 "    int position     MG_COLUMN(nullable=false);\n"
		 "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.good_c = "/* playlist_songs stays a pure link (secondary=playlist_songs); the position\n"
		  " * of a song in a playlist lives in a model of its own. */\n"
		  "struct Song { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct Playlist { int id MG_COLUMN(primary_key=true); } MG_MODEL();\n"
		  "struct PlaylistSong {\n"
		  "    int song_id      MG_FOREIGN_KEY(song.id);\n"
		  "    int playlist_id  MG_FOREIGN_KEY(playlist.id);\n"
		  "} MG_TABLE(playlist_songs) MG_PRIMARY_KEY(song_id, playlist_id);",
	.fix = "Map the table as an association object (a model with two many-to-one relationships).",
	.fix_c = "Make the MG_TABLE an MG_MODEL with an MG_RELATIONSHIP to each side, and relate to it "
		 "instead of through secondary=.",
	.check = check_extra_columns,
};
