/* resolve: foreign-key targets, association tables, derived relationships,
 * implied foreign keys. */

#include "tests/unit/test_support.h"

#include <stdio.h>
#include <string.h>

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static const char seed[] =
	"CREATE TABLE users (id INTEGER PRIMARY KEY, username VARCHAR(80) NOT NULL UNIQUE);\n"
	"CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n"
	"CREATE TABLE song (id INTEGER PRIMARY KEY);\n"
	"CREATE TABLE playlist (id INTEGER PRIMARY KEY);\n"
	"CREATE TABLE playlist_songs (song_id INTEGER REFERENCES song (id),\n"
	"  playlist_id INTEGER REFERENCES playlist (id), PRIMARY KEY (song_id, playlist_id));\n"
	"CREATE TABLE user_profile (id INTEGER PRIMARY KEY, user_id INTEGER UNIQUE REFERENCES users (id));\n";

static const mg_relationship *rel(const mg_graph *g, const char *table, const char *name)
{
	const mg_table *t = mg_graph_find_table(g, table);
	assert_non_null(t);
	const mg_relationship *r = mg_table_find_relationship(t, name);
	if (!r)
		fail_msg("no relationship %s.%s", table, name);
	return r;
}

static void seed_models_get_their_cardinalities(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(seed);
	assert_true(g->resolved);
	assert_null(mg_graph_check(g));

	/* Tables come sorted by name. */
	for (size_t i = 1; i < g->ntables; i++)
		assert_true(strcmp(g->tables[i - 1]->name, g->tables[i]->name) < 0);

	const mg_relationship *posts = rel(g, "users", "post_collection");
	const mg_relationship *author = rel(g, "post", "user");
	assert_int_equal(posts->kind, MG_CARD_ONE_TO_MANY);
	assert_int_equal(author->kind, MG_CARD_MANY_TO_ONE);
	assert_ptr_equal(posts->inverse, author);
	assert_int_equal(posts->uselist, MG_TRUE);
	assert_int_equal(author->uselist, MG_FALSE);
	assert_true(posts->derived);

	const mg_relationship *profile = rel(g, "users", "user_profile");
	assert_int_equal(profile->kind, MG_CARD_ONE_TO_ONE);
	assert_int_equal(profile->uselist, MG_FALSE);
	assert_int_equal(rel(g, "user_profile", "user")->kind, MG_CARD_ONE_TO_ONE);

	assert_int_equal(mg_graph_find_table(g, "playlist_songs")->kind, MG_TABLE_ASSOCIATION);
	const mg_relationship *playlists = rel(g, "song", "playlist_collection");
	assert_int_equal(playlists->kind, MG_CARD_MANY_TO_MANY);
	assert_string_equal(playlists->secondary_name, "playlist_songs");
	assert_ptr_equal(playlists->inverse, rel(g, "playlist", "song_collection"));
	/* The association table itself gets no relationships of its own. */
	assert_int_equal(mg_graph_find_table(g, "playlist_songs")->nrelationships, 0);

	const mg_table *users = mg_graph_find_table(g, "users");
	assert_int_equal(users->nreferenced_by, 2);
	mg_graph_free(g);
}

static void names_resolve_ignoring_case_and_dangling_targets_stay(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(
		"CREATE TABLE Parent (Id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES PARENT (ID),\n"
		"  gone INTEGER REFERENCES nowhere (id), bad INTEGER REFERENCES parent (nope));\n");
	const mg_table *child = mg_graph_find_table(g, "child");
	for (size_t i = 0; i < child->nforeign_keys; i++) {
		const mg_foreign_key *fk = child->foreign_keys[i];
		const char *col = fk->columns[0]->name;
		if (strcmp(col, "pid") == 0) {
			assert_string_equal(fk->parent->name, "Parent");
			assert_string_equal(fk->parent_columns[0]->name, "Id");
		} else if (strcmp(col, "gone") == 0) {
			assert_null(fk->parent);
			assert_string_equal(fk->parent_name, "nowhere");
		} else {
			assert_non_null(fk->parent);
			assert_null(fk->parent_columns[0]);
		}
	}
	assert_null(mg_graph_check(g));
	mg_graph_free(g);
}

static void self_references_and_several_fks_get_distinct_names(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(
		"CREATE TABLE employee (id INTEGER PRIMARY KEY, reports_to INTEGER REFERENCES employee (id));\n"
		"CREATE TABLE message (id INTEGER PRIMARY KEY,\n"
		"  sender_id INTEGER REFERENCES employee (id), recipient_id INTEGER REFERENCES employee (id));\n");
	const mg_table *e = mg_graph_find_table(g, "employee");
	assert_non_null(mg_table_find_relationship(e, "employee"));
	assert_non_null(mg_table_find_relationship(e, "employee_collection"));
	assert_non_null(mg_table_find_relationship(e, "message_collection"));
	assert_non_null(mg_table_find_relationship(e, "message_collection_2"));
	const mg_table *m = mg_graph_find_table(g, "message");
	assert_int_equal(mg_table_find_relationship(m, "sender")->kind, MG_CARD_MANY_TO_ONE);
	assert_int_equal(mg_table_find_relationship(m, "recipient")->kind, MG_CARD_MANY_TO_ONE);
	assert_null(mg_graph_check(g));
	mg_graph_free(g);
}

static void implied_foreign_keys_carry_their_reason(void **state)
{
	(void)state;
	mg_graph *g = mg_test_load_sql(
		"CREATE TABLE users (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE page (page_id INTEGER PRIMARY KEY, page_title TEXT);\n"
		"CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY);\n"
		"CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER, rev_page INTEGER,\n"
		"  rev_comment TEXT, ArtistId INTEGER, status_id INTEGER, page_title TEXT,\n"
		"  per_page INTEGER, Artist_x_id);\n");
	const mg_table *post = mg_graph_find_table(g, "post");
	size_t implied = 0;
	for (size_t i = 0; i < post->nforeign_keys; i++) {
		const mg_foreign_key *fk = post->foreign_keys[i];
		assert_true(fk->implied);
		assert_non_null(fk->implied_reason);
		const char *col = fk->columns[0]->name;
		const char *parent = strcmp(col, "user_id") == 0    ? "users"
				     : strcmp(col, "rev_page") == 0 ? "page"
				     : strcmp(col, "ArtistId") == 0 ? "Artist"
								     : NULL;
		if (!parent)
			fail_msg("unexpected implied foreign key on %s", col);
		assert_string_equal(fk->parent->name, parent);
		implied++;
	}
	/* status_id: no table "status"; page_title: text, not a key; per_page: no other
	 * column starts with "per_", so no prefix convention; Artist_x_id: no type. */
	assert_int_equal(implied, 3);
	/* Implied foreign keys make relationships too. */
	assert_non_null(mg_table_find_relationship(post, "user"));
	mg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_models_get_their_cardinalities),
		cmocka_unit_test(names_resolve_ignoring_case_and_dangling_targets_stay),
		cmocka_unit_test(self_references_and_several_fks_get_distinct_names),
		cmocka_unit_test(implied_foreign_keys_carry_their_reason),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
